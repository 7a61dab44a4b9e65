"""Who is calling and what they may see: roles, area scope, masking, tokens, sign-in."""
