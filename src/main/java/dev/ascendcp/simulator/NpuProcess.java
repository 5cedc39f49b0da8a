package dev.ascendcp.simulator;

/** A process shown on an NPU by {@code npu-smi info} (the name may be blank, as inside a container). */
public record NpuProcess(int pid, String name, int memoryMb) {}
