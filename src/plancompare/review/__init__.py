"""The analyst's loop: `review` (a terminal app over a session of decisions) and `simulate` (the
same session answered from a labels file), with the training of the confidence model they read."""
