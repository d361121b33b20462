// Progressive enhancement shared by every public page. Pages work without it.
