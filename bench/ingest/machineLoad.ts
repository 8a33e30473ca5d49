import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";

interface CpuTimes {
  busy: number;
  total: number;
}

function cpuTimes(): CpuTimes {
  let busy = 0;
  let total = 0;
  for (const cpu of cpus()) {
    const { user, nice, sys, idle, irq } = cpu.times;
    busy += user + nice + sys + irq;
    total += user + nice + sys + idle + irq;
  }
  return { busy, total };
}

/** CPU seconds (user + system) a process has used so far, from /proc; 0 where there is no /proc. */
function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after the command name.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

export interface LoadSample {
  /** Share of all cores busy over the window, 0–100. */
  machineBusyPercent: number;
  /** One-minute load average at the end of the window. */
  loadAverage: number;
  /** CPU the given processes used over the window, in cores (1.0 = one core flat out). */
  serverCores: number;
}

/** Measures how busy the machine and the given processes were between `start()` and `stop()`. */
export function sampleMachineLoad(pids: number[]) {
  const before = cpuTimes();
  const processBefore = pids.reduce((sum, pid) => sum + processCpuSeconds(pid), 0);
  const began = performance.now();
  return {
    stop(): LoadSample {
      const after = cpuTimes();
      const seconds = (performance.now() - began) / 1000;
      const processAfter = pids.reduce((sum, pid) => sum + processCpuSeconds(pid), 0);
      return {
        machineBusyPercent: (100 * (after.busy - before.busy)) / Math.max(1, after.total - before.total),
        loadAverage: loadavg()[0],
        serverCores: (processAfter - processBefore) / seconds,
      };
    },
  };
}
