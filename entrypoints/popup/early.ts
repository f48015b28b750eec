// The popup's first script: its home read starts here, while main.tsx still loads (lib/early-read.ts).
import { getDb } from '@/lib/db';
import { startEarly } from '@/lib/early-read';
import { loadHome } from '@/lib/queries';

startEarly('home', async () => loadHome(await getDb(), Date.now()));
