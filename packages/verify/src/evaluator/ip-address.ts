/** IPv4 and IPv6 addresses and CIDR blocks for the IpAddress / NotIpAddress operators. */

/** An address or block: its family, its bits as a number, and the prefix length (32 / 128 for an address). */
export interface IpBlock {
  /** 4 or 6. */
  readonly family: 4 | 6;
  /** The address bits. */
  readonly bits: bigint;
  /** How many leading bits are fixed. */
  readonly prefix: number;
}

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d{2}|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** Parses `10.0.0.0/8`, `2001:db8::/32`, or a plain address (a block of one). Undefined when malformed. */
export function parseIpBlock(text: string): IpBlock | undefined {
  const slash = text.indexOf('/');
  const address = parseIpAddress(slash === -1 ? text : text.slice(0, slash));
  if (!address) return undefined;
  if (slash === -1) return address;
  const prefixText = text.slice(slash + 1);
  const width = address.family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefixText) || (address.family === 4 && prefixText.length > 1 && prefixText.startsWith('0'))) return undefined;
  const prefix = Number(prefixText);
  return prefix <= width ? { ...address, prefix } : undefined;
}

/** Parses one IPv4 or IPv6 address. */
export function parseIpAddress(text: string): IpBlock | undefined {
  if (IPV4.test(text)) return { family: 4, bits: ipv4Bits(text), prefix: 32 };
  const groups = ipv6Groups(text);
  if (!groups) return undefined;
  return { family: 6, bits: groups.reduce((bits, group) => (bits << 16n) | BigInt(group), 0n), prefix: 128 };
}

/** Whether the address lies inside the block (same family, same leading `prefix` bits). */
export function blockContains(block: IpBlock, address: IpBlock): boolean {
  if (block.family !== address.family) return false;
  const width = block.family === 4 ? 32n : 128n;
  const shift = width - BigInt(block.prefix);
  return block.bits >> shift === address.bits >> shift;
}

function ipv4Bits(text: string): bigint {
  return text.split('.').reduce((bits, octet) => (bits << 8n) | BigInt(Number(octet)), 0n);
}

function ipv6Groups(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (half: string): number[] | undefined => {
    if (half === '') return [];
    const parts = half.split(':');
    const groups: number[] = [];
    for (const [index, part] of parts.entries()) {
      if (index === parts.length - 1 && IPV4.test(part)) {
        const bits = Number(ipv4Bits(part));
        groups.push(Math.floor(bits / 65536), bits % 65536);
      } else if (HEX_GROUP.test(part)) {
        groups.push(parseInt(part, 16));
      } else {
        return undefined;
      }
    }
    return groups;
  };
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...Array<number>(missing).fill(0), ...tail] : undefined;
}
