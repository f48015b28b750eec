// The popup's first script: its home read starts here, while main.tsx still loads (lib/boot/early-read.ts).
import { getDb } from '@/lib/store/connection';
import { startEarly } from '@/lib/boot/early-read';
import { loadHome } from '@/lib/boot/home';

startEarly('home', async () => loadHome(await getDb(), Date.now()));
