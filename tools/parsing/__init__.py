"""Screenplay readers: Fountain, plain text, Final Draft and PDF into one `Script`."""
