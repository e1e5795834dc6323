import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from '@kefu/contracts';

export const JOB_HANDLER = Symbol('kefu:job-handler');

export type JobOf<N extends JobName> = Job<JobPayloads[N], unknown, N>;

/**
 * Marks the method that runs every job of this name, on whichever queue it was added to. The
 * worker's JobRegistry finds them at boot and refuses to start when a name has none or two.
 */
export function JobHandler<N extends JobName>(name: N) {
  return <T extends (job: JobOf<N>) => Promise<unknown>>(_target: object, _key: string | symbol, descriptor: TypedPropertyDescriptor<T>): void => {
    Reflect.defineMetadata(JOB_HANDLER, name, descriptor.value!);
  };
}
