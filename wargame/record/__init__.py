"""Records of play: orders files, saves and verified replays."""
