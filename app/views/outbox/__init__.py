"""The Outbox window: every order this desk is sending, waiting to confirm or that needs a
person, with what can be done about each."""
