import { readFileSync } from "node:fs";

// CPU time spent during a measured stretch: this process's (process.cpuUsage) and,
// on Linux, another process's from /proc/<pid>/stat (utime + stime, in clock ticks
// of 1/100 s). Per unit of work, it is steadier than latency from run to run.
const TICKS_PER_S = 100;

export function cpuSecondsOf(pid: number): number | null {
  try {
    // The command name, in parentheses, may hold spaces: fields are counted after it.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
  } catch {
    return null;
  }
}

export interface CpuSpent {
  thisProcessS: number;
  otherProcessS: number | null;
}

/** Starts counting; the returned function gives the CPU seconds spent since. */
export function startCpuMeter(otherPid?: number): () => CpuSpent {
  const self = process.cpuUsage();
  const other = otherPid === undefined ? null : cpuSecondsOf(otherPid);
  return () => {
    const used = process.cpuUsage(self);
    const now = otherPid === undefined ? null : cpuSecondsOf(otherPid);
    return { thisProcessS: (used.user + used.system) / 1e6, otherProcessS: other === null || now === null ? null : now - other };
  };
}
