// compromise + compromise-dates: people, places, organizations and dates of each article, the
// closest of its features to what claimx extracts (it has no claims).
import nlp from 'compromise';
import datePlugin from 'compromise-dates';
import { runPeer } from './common.mjs';

nlp.plugin(datePlugin);
runPeer('compromise', (text) => {
  const doc = nlp(text);
  return doc.people().json().length + doc.places().json().length + doc.organizations().json().length +
         doc.dates().json().length;
});
