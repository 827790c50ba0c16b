package dev.noema.topology;

import java.util.function.Supplier;

/** A value computed once, on first use, and cached; thread-safe. */
final class Memo<T> implements Supplier<T> {
  private final Supplier<T> compute;
  private volatile T value;

  Memo(Supplier<T> compute) {
    this.compute = compute;
  }

  @Override
  public T get() {
    T result = value;
    if (result == null) {
      synchronized (this) {
        if (value == null) {
          value = compute.get();
        }
        result = value;
      }
    }
    return result;
  }
}
