/**
 * Reading a SQLite write-ahead log from its headers (https://sqlite.org/fileformat.html#walformat),
 * to tell an operator what opening the database did with it. SQLite applies a WAL's frames up to
 * the first one whose checksum fails and silently ignores the rest, committed or not.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** One frame's header, as far as it matters here. */
export interface WalFrame {
	/** Written since the log last restarted (its salts match the header's); else left over. */
	current: boolean;
	/** Ends a transaction: the frame that makes it committed. */
	commit: boolean;
}

/** What a WAL file holds before SQLite opens it. */
export interface WalFile {
	bytes: number;
	/** The header is intact (magic number and checksum): else SQLite ignores the whole file. */
	headerValid: boolean;
	/** Every whole frame in the file, in order (none read when the header is damaged). */
	frames: WalFrame[];
}

const headerBytes = 32;
const frameHeaderBytes = 24;

/** SQLite's WAL checksum over `bytes` (a multiple of 8), in the byte order the magic says. */
function checksum(bytes: Buffer, bigEndian: boolean): [number, number] {
	let s1 = 0;
	let s2 = 0;
	const word = (at: number) => (bigEndian ? bytes.readUInt32BE(at) : bytes.readUInt32LE(at));
	for (let at = 0; at < bytes.length; at += 8) {
		s1 = (s1 + word(at) + s2) >>> 0;
		s2 = (s2 + word(at + 4) + s1) >>> 0;
	}
	return [s1, s2];
}

/** Reads a WAL's header and frame headers; null when there is no WAL file. */
export function readWal(path: string): WalFile | null {
	let fd: number;
	try {
		// Opened, then measured: the last connection of a database closed just before (its
		// checkpoint thread) may delete the WAL between a look at it and an open.
		fd = openSync(path, 'r');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}
	try {
		const bytes = fstatSync(fd).size;
		const header = Buffer.alloc(headerBytes);
		if (readSync(fd, header, 0, headerBytes, 0) < headerBytes) {
			return { bytes, headerValid: false, frames: [] };
		}
		const magic = header.readUInt32BE(0);
		const pageSize = header.readUInt32BE(8);
		const [sum1, sum2] = checksum(header.subarray(0, 24), magic === 0x377f0683);
		const headerValid =
			(magic === 0x377f0682 || magic === 0x377f0683) &&
			pageSize >= 512 &&
			pageSize <= 65536 &&
			(pageSize & (pageSize - 1)) === 0 &&
			sum1 === header.readUInt32BE(24) &&
			sum2 === header.readUInt32BE(28);
		if (!headerValid) return { bytes, headerValid, frames: [] };
		const frameBytes = frameHeaderBytes + pageSize;
		const count = Math.floor((bytes - headerBytes) / frameBytes);
		const salts = [header.readUInt32BE(16), header.readUInt32BE(20)];
		const head = Buffer.alloc(frameHeaderBytes);
		const frames: WalFrame[] = [];
		for (let i = 0; i < count; i++) {
			readSync(fd, head, 0, frameHeaderBytes, headerBytes + i * frameBytes);
			frames.push({
				current: head.readUInt32BE(8) === salts[0] && head.readUInt32BE(12) === salts[1],
				commit: head.readUInt32BE(4) !== 0
			});
		}
		return { bytes, headerValid, frames };
	} finally {
		closeSync(fd);
	}
}

/**
 * What SQLite left out when it applied the first `applied` frames of this WAL: frames of the
 * current generation past them, and how many of those ended a committed transaction.
 */
export function droppedFrames(wal: WalFile, applied: number): { frames: number; commits: number } {
	const left = wal.frames.slice(applied).filter((frame) => frame.current);
	return { frames: left.length, commits: left.filter((frame) => frame.commit).length };
}
