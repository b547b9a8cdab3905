package dev.daogen.sample;

/** Whether a credential scope grants or withholds what it names (new in 1.1.0; 1.0.0 scopes all grant). */
public enum Effect {
  ALLOW,
  DENY
}
