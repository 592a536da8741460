"""Text layers: normalisation, sentences, tokens and clitics, phrase matching."""
