import { HEAD_SIZE } from '@/lib/store/view-heads';

/**
 * Cards rendered at first, and added per scroll step: a month (about 1,500) opens at once, and a
 * keystroke re-renders only these. A few screens of the narrow panel.
 */
export const PAGE = 20;

/**
 * Cards in the first paint of a view: as many as a long view's head keeps, so the head and the
 * whole list paint the same cards (the narrow panel shows three or four). Their records are read
 * before the list is shown; the rest of the page right after that paint.
 */
export const FIRST_PAINT = HEAD_SIZE;
