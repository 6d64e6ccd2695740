"""Staff on a shared workstation: lock screen, profiles, audit window."""
