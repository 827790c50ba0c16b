/**
 * Benchmarks: plain {@code main} programs (never run by surefire) that print a table and compare
 * Noema against a floor measured in the same run, as ratios, because this machine is noisy. Run
 * them with {@code ./benchmark NAME}.
 */
package dev.noema.bench;
