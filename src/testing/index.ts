/** `article-comments/testing`: what adapter authors need to prove their adapter. */
export {adapterConformance, ConformanceError, type ConformanceCheck, type ConformanceSetup} from './conformance.js';
export {ManualClock} from '../time/clock.js';
