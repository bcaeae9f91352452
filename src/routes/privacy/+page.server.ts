import { useApp } from '$lib/server/app';
import type { PageServerLoad } from './$types';

/** What Samråd stores and for how long, with this server's retention setting. */
export const load: PageServerLoad = () => ({ retentionDays: useApp().config.retentionDays });
