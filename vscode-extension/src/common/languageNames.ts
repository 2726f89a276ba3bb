/**
 * Human names for language identifiers ("java" -> "Java"), read from the languages that the
 * installed extensions contribute, so no label list is hard-coded here.
 */
import { PLAINTEXT } from './constants';

/** The slice of an extension's package.json this module reads. */
export interface LanguageContributions {
    contributes?: { languages?: Array<{ id?: unknown; aliases?: unknown }> };
}

export class LanguageNames {
    /** Plain Text is VS Code's own language, contributed by no extension. */
    private readonly names = new Map<string, string>([[PLAINTEXT, 'Plain Text']]);

    constructor(packageJsons: readonly LanguageContributions[]) {
        for (const packageJson of packageJsons) {
            for (const language of packageJson.contributes?.languages ?? []) {
                const alias = Array.isArray(language.aliases) ? language.aliases[0] : undefined;
                if (typeof language.id === 'string' && typeof alias === 'string' && !this.names.has(language.id)) {
                    this.names.set(language.id, alias);
                }
            }
        }
    }

    /** The first alias of the language, else the identifier itself. */
    nameOf(languageId: string): string {
        return this.names.get(languageId) ?? languageId;
    }
}
