import { Entity } from '../lib/schema/dataset';
import { WORLD } from '../tests/unit/match/world';
for (const e of WORLD) { const r = Entity.safeParse(e); if (!r.success) console.log(e.id, r.error.issues); }
console.log('ok');
