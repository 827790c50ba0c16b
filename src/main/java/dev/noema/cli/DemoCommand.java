package dev.noema.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder replaced later in this session by the guided run over the sample. */
@Command(name = "demo", hidden = true)
final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
