import type Database from 'better-sqlite3';
import {loadOnUse} from '../load-on-use.js';

export type Db = Database.Database;

/** Each entry upgrades the schema by one step; the index is the version it leads to, minus one. */
const migrations = [
	`CREATE TABLE orgs (uid TEXT PRIMARY KEY, name TEXT NOT NULL);
	 CREATE TABLE policies (
		uid TEXT PRIMARY KEY,
		org_uid TEXT NOT NULL,
		name TEXT NOT NULL,
		type TEXT NOT NULL,
		version INTEGER NOT NULL,
		selector_hash TEXT NOT NULL,
		tags TEXT NOT NULL,
		record TEXT NOT NULL
	 );
	 CREATE INDEX policies_by_org ON policies (org_uid, type, name);
	 CREATE TABLE policy_versions (
		uid TEXT NOT NULL,
		version INTEGER NOT NULL,
		org_uid TEXT NOT NULL,
		valid_from REAL NOT NULL,
		valid_to REAL,
		record TEXT NOT NULL,
		PRIMARY KEY (uid, version)
	 );
	 CREATE TABLE deviations (
		id TEXT PRIMARY KEY,
		org_uid TEXT NOT NULL,
		policy_uid TEXT NOT NULL,
		checksum TEXT NOT NULL,
		time REAL NOT NULL,
		record TEXT NOT NULL,
		UNIQUE (policy_uid, checksum)
	 );
	 CREATE INDEX deviations_by_time ON deviations (org_uid, time);
	 CREATE TABLE events (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		id TEXT NOT NULL UNIQUE,
		org_uid TEXT NOT NULL,
		policy_uid TEXT,
		schema TEXT NOT NULL,
		time REAL NOT NULL,
		record TEXT NOT NULL
	 );
	 CREATE INDEX events_by_time ON events (org_uid, time);
	 CREATE TABLE fingerprints (
		id TEXT PRIMARY KEY,
		org_uid TEXT NOT NULL,
		type TEXT NOT NULL,
		checksum TEXT NOT NULL,
		time REAL NOT NULL,
		record TEXT NOT NULL
	 );
	 CREATE INDEX fingerprints_by_time ON fingerprints (org_uid, time);`,
	// The list's whole order: SQLite reads the policies in it, instead of sorting 10 MB of records on every list after a write.
	`DROP INDEX policies_by_org;
	 CREATE INDEX policies_by_org ON policies (org_uid, type, name, uid);`,
];

/** Opens (creating if needed) the store. WAL lets readers run beside the one writer; NORMAL sync is durable across process crashes. */
export function openDatabase(file: string): Db {
	const SqliteDatabase = loadOnUse('better-sqlite3') as typeof Database;
	const db = new SqliteDatabase(file);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = NORMAL');
	db.pragma('foreign_keys = ON');
	db.pragma('busy_timeout = 5000');
	migrate(db);
	return db;
}

function migrate(db: Db): void {
	const current = db.pragma('user_version', {simple: true}) as number;
	for (let version = current; version < migrations.length; version++) {
		db.transaction(() => {
			db.exec(migrations[version]!);
			db.pragma(`user_version = ${version + 1}`);
		})();
	}
}
