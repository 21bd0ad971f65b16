// chrono-node: every date expression of each article (dates only), with its parsed value.
import * as chrono from 'chrono-node';
import { runPeer } from './common.mjs';

runPeer('chrono-node', (text) => chrono.parse(text).length);
