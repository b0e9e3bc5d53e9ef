"""trustpages: turn a company's public record, kept as YAML in git, into an honest transparency site."""

__version__ = "0.1.0"
