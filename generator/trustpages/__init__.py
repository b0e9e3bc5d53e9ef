"""trustpages: turn a company's public record, kept as YAML in git, into an honest transparency site."""

__version__ = "0.1.0"

# The project's own repository: the one place its address is written. New sites' pre-commit hooks,
# the field reference link and "install from the repository" all use it. Change it here (and in
# README.md's install section) once the repository is public at its real address.
SOURCE_REPOSITORY = "https://github.com/trustpages/trustpages"
