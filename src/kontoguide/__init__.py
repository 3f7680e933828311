"""kontoguide: Stockholms stads guide för att starta ett nytt konto i sociala medier."""

__version__ = "0.1.0"
