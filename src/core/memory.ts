import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | undefined;

/**
 * Between the chunks of a long batch job (an import), runs a full garbage collection once the JS heap
 * has grown past `heapBytes`. V8 lets the heap grow while there is room, so a job whose live data is a
 * chunk at a time would otherwise hold hundreds of megabytes of garbage; collecting at a chunk boundary,
 * when little is alive, keeps the process's memory flat at a small cost.
 */
export function collectGarbageAbove(heapBytes: number): void {
  if (v8.getHeapStatistics().total_heap_size < heapBytes) return;
  if (!collect) {
    // The gc function is only exposed by a V8 flag; a fresh context made after setting it has it.
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
}
