package bad;

public enum Color { RED, GREEN }
