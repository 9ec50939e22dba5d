import dns from 'node:dns/promises';

/** How names are looked up; the system resolver unless a test brings its own. */
export type Resolver = {
	/** The host name of an address, as getnameinfo gives it (hosts file, then DNS). */
	hostnameOf: (ip: string) => Promise<string>;
	/** An address of a host name. */
	addressOf: (hostname: string) => Promise<string>;
};

export const systemResolver: Resolver = {
	hostnameOf: async ip => (await dns.lookupService(ip, 0)).hostname,
	addressOf: async hostname => (await dns.lookup(hostname)).address,
};

/** spyctl's DNS MAP: host name → addresses, then what could not be resolved. */
export type DnsMap = Record<string, string[]>;

/**
 * Looks up every address and name at once, each given at most `timeoutMs`.
 * A lookup that fails or runs out of time lands in `unknown ips` or `unknown
 * hostnames`: the description is worth having without it, so this never fails.
 */
export async function dnsMap(targets: {ips: string[]; hostnames: string[]}, options: {resolver?: Resolver; timeoutMs: number}): Promise<DnsMap> {
	const resolver = options.resolver ?? systemResolver;
	const [names, addresses] = await Promise.all([
		Promise.all(targets.ips.map(async ip => [ip, await bounded(resolver.hostnameOf(ip), options.timeoutMs)] as const)),
		Promise.all(targets.hostnames.map(async hostname => [hostname, await bounded(resolver.addressOf(hostname), options.timeoutMs)] as const)),
	]);
	const known = new Map<string, Set<string>>();
	const add = (hostname: string, ip: string) => known.set(hostname, (known.get(hostname) ?? new Set()).add(ip));
	const unknownIps: string[] = [];
	const unknownHostnames: string[] = [];
	// getnameinfo answers with the address itself when it knows no name.
	for (const [ip, hostname] of names) {
		if (hostname === undefined || hostname === ip) unknownIps.push(ip);
		else add(hostname, ip);
	}
	for (const [hostname, ip] of addresses) {
		if (ip === undefined) unknownHostnames.push(hostname);
		else add(hostname, ip);
	}
	const map: DnsMap = {};
	for (const hostname of [...known.keys()].sort()) map[hostname] = [...known.get(hostname)!].sort();
	map['unknown ips'] = unknownIps.sort();
	map['unknown hostnames'] = unknownHostnames.sort();
	return map;
}

/** The lookup's answer, or undefined if it failed or took longer than `ms`. */
async function bounded(lookup: Promise<string>, ms: number): Promise<string | undefined> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<undefined>(resolve => {
		timer = setTimeout(() => {
			resolve(undefined);
		}, ms);
	});
	try {
		return await Promise.race([lookup.catch(() => undefined), timeout]);
	} finally {
		clearTimeout(timer);
	}
}
