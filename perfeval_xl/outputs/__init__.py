"""What a run writes besides the findings themselves; ``template/`` so far
(the evaluation form's one layout definition and the form writer)."""
