"""deckbuilder pull: edits made to a built deck in PowerPoint or LibreOffice, brought back into its outlines."""
