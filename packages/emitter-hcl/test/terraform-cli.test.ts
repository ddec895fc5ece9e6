/** Reading `terraform console`'s output: the value line, whatever terraform says around it about the state lock. */
import { describe, expect, it } from 'vitest';
import { consoleBase64Value } from '../src/testing/terraform-cli.js';

describe('consoleBase64Value', () => {
  it('reads the quoted base64 value terraform prints', () => {
    expect(consoleBase64Value('"eyJhIjoxfQ=="\n')).toBe('eyJhIjoxfQ==');
  });

  it('sets aside the notices terraform prints when the state lock is slow (seen in CI under load)', () => {
    const stdout = 'Acquiring state lock. This may take a few moments...\n"IlVTJCQ0MiQke3h9JCI="\nReleasing state lock. This may take a few moments...\n';
    expect(consoleBase64Value(stdout)).toBe('IlVTJCQ0MiQke3h9JCI=');
  });

  it('refuses anything else: no value, two values, other text, or a value that is not base64', () => {
    expect(consoleBase64Value('')).toBeUndefined();
    expect(consoleBase64Value('Acquiring state lock. This may take a few moments...\n')).toBeUndefined();
    expect(consoleBase64Value('"YQ=="\n"Yg=="\n')).toBeUndefined();
    expect(consoleBase64Value('Warning: something\n"YQ=="\n')).toBeUndefined();
    expect(consoleBase64Value('"not base64!"\n')).toBeUndefined();
  });
});
