import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// The conference list lives at /organiser.
export const load: PageServerLoad = () => redirect(308, '/organiser');
