import type { Language } from '$lib/domain/session/types';

declare global {
	namespace App {
		interface Locals {
			/** The language pages are rendered in (cookie, else Accept-Language). */
			lang: Language;
		}
		interface Error {
			message: string;
		}
		interface Platform {
			/** The Node request (adapter-node): a refused body's connection is closed through it. */
			req?: import('node:http').IncomingMessage;
		}
	}
}

export {};
