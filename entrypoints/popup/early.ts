// The popup's first script: its home read starts here, while main.tsx still loads (lib/boot/early-read.ts).
import { getDb } from '@/lib/store/db';
import { startEarly } from '@/lib/boot/early-read';
import { loadHome } from '@/lib/store/home';

startEarly('home', async () => loadHome(await getDb(), Date.now()));
