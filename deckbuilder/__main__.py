"""`python -m deckbuilder`: the same as the `deckbuilder` command."""
from .cli import main

main()
