/** Which customers a batch of events touches: shared by every subscriber, so it lives with the write pipe. */
export { customersTouched } from '../records/touched.js';
