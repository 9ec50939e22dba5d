import {registerSecret} from './redact.js';
import {defaultApiUrl} from './spyctl-format.js';
import {type ApiSecretData, secretsFileSchema} from './schema.js';
import {invalidFieldError, readYamlFile, validateYamlFile, type YamlFile} from './yaml-file.js';

/** An APISecret with its credentials decoded. */
export type ApiSecret = {
	name: string;
	apiKey: string;
	/** Without trailing slashes. */
	apiUrl: string;
	/** Epoch seconds, when the file records it. */
	creationTimestamp: number | undefined;
};

export type SecretsFile = YamlFile & {
	secrets: ApiSecret[];
	warnings: string[];
};

const label = 'Secrets file';
const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/** Reads one secrets file; a missing or empty file holds no secrets. Every key read is registered for redaction. */
export async function readSecretsFile(path: string): Promise<SecretsFile> {
	const file = await readYamlFile(path, label);
	const raw: unknown = file.document.toJS() ?? [];
	const data = validateYamlFile(file, secretsFileSchema, label, raw);
	const warnings: string[] = [];
	const secrets = data.map((secret, index) => decodeSecret(file, secret, index, warnings));
	return {...file, secrets, warnings};
}

function decodeSecret(file: YamlFile, secret: ApiSecretData, index: number, warnings: string[]): ApiSecret {
	const name = secret.metadata.name;
	const field = (key: 'apikey' | 'apiurl'): string | undefined => {
		const encoded = secret.data?.[key];
		if (encoded !== undefined && secret.stringData?.[key] !== undefined) {
			warnings.push(`Warning: ${key} of apisecret '${name}' in ${file.path} is in both data and stringData. Using the value in data.`);
		}
		if (encoded === undefined) return secret.stringData?.[key];
		const compact = encoded.replace(/\s+/g, '');
		if (!base64Pattern.test(compact)) throw invalidFieldError(file, label, [index, 'data', key], 'is not valid base64');
		return Buffer.from(compact, 'base64').toString('utf8');
	};
	// The schema guarantees an apikey in data or stringData.
	const apiKey = field('apikey') ?? '';
	registerSecret(apiKey);
	// The base64 form is as good as the key itself.
	registerSecret(secret.data?.apikey);
	const apiUrl = (field('apiurl') ?? defaultApiUrl).replace(/\/+$/, '');
	return {name, apiKey, apiUrl, creationTimestamp: secret.metadata.creationTimestamp};
}
