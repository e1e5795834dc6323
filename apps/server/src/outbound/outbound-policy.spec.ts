import { describe, expect, it } from '@jest/globals';
import { internalKind, parseCidr, parseIp } from './ip-ranges.js';
import { OutboundPolicy } from './outbound-policy.js';

const kind = (address: string) => internalKind(parseIp(address)!);

describe('internal addresses', () => {
  it.each([
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['169.254.169.254', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fec0::1', 'private'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2001::1', 'reserved'],
    ['100::1', 'reserved'],
    ['::127.0.0.1', 'reserved'],
    // IPv6 that reaches an IPv4 address: mapped, NAT64, 6to4
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::FFFF:a9fe:a9fe', 'link-local'],
    ['::ffff:10.1.2.3', 'private'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b::192.168.0.1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:c0a8:101::1', 'private'],
  ])('%s is %s', (address, expected) => {
    expect(kind(address)).toBe(expected);
  });

  it.each(['8.8.8.8', '1.1.1.1', '100.63.255.255', '100.128.0.0', '172.32.0.1', '223.255.255.255', '2606:4700:4700::1111', '2400:cb00::1', '::ffff:8.8.8.8', '2002:808:808::1'])('%s is public', (address) => {
    expect(kind(address)).toBeNull();
  });

  it('parses only canonical addresses and CIDRs', () => {
    expect(parseIp('2130706433')).toBeNull();
    expect(parseIp('0x7f.0.0.1')).toBeNull();
    expect(parseIp('localhost')).toBeNull();
    expect(parseCidr('10.0.0.0/33')).toBeNull();
    expect(parseCidr('10.0.0.0/')).toBeNull();
    expect(parseCidr('fd00::/8')).toMatchObject({ family: 6, bits: 8 });
    expect(parseCidr('10.1.2.3')).toMatchObject({ family: 4, bits: 32 });
  });
});

describe('webhook URLs', () => {
  const policy = new OutboundPolicy();

  it.each([
    ['ftp://example.com/', 'must be an http or https URL'],
    ['gopher://example.com:6379/_FLUSHALL', 'must be an http or https URL'],
    ['file:///etc/passwd', 'must be an http or https URL'],
    ['not a url', 'must be a valid http or https URL'],
    ['http://user:pass@example.com/', 'must not contain a user name or password'],
    ['https://token@example.com/', 'must not contain a user name or password'],
    ['http://127.0.0.1:6379/', 'must not point to an internal address'],
    ['http://[::1]:5432/', 'must not point to an internal address'],
    ['http://[::ffff:127.0.0.1]/', 'must not point to an internal address'],
    ['http://[::]/', 'must not point to an internal address'],
    ['http://2130706433/', 'must not point to an internal address'],
    ['http://0x7f000001/', 'must not point to an internal address'],
    ['http://0x7f.1/', 'must not point to an internal address'],
    ['http://017700000001/', 'must not point to an internal address'],
    ['http://0177.0.0.1/', 'must not point to an internal address'],
    ['http://127.1/', 'must not point to an internal address'],
    ['http://%31%32%37.0.0.1/', 'must not point to an internal address'],
    ['http://0/', 'must not point to an internal address'],
    ['http://169.254.169.254/latest/meta-data/', 'must not point to an internal address'],
    ['http://10.0.0.5/hook', 'must not point to an internal address'],
    ['http://100.100.100.200/', 'must not point to an internal address'],
    ['http://localhost:3000/', 'must not point to an internal address'],
    ['http://LOCALHOST./', 'must not point to an internal address'],
    ['http://redis.localhost/', 'must not point to an internal address'],
  ])('%s: %s', (url, reason) => {
    expect(policy.urlProblem(url)).toBe(reason);
  });

  it.each(['https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', 'https://open.feishu.cn/open-apis/bot/v2/hook/x', 'http://8.8.8.8:8080/x', 'https://[2606:4700::1]/'])('%s may be saved', (url) => {
    expect(policy.urlProblem(url)).toBeNull();
  });

  it('lets the allow-list admit on-premise hosts and networks, nothing more', () => {
    const onPrem = new OutboundPolicy(['bot.corp.example', '10.20.0.0/16', 'localhost', 'fd00::/8']);
    expect(onPrem.urlProblem('http://bot.corp.example/hook')).toBeNull();
    expect(onPrem.urlProblem('http://10.20.3.4/hook')).toBeNull();
    expect(onPrem.urlProblem('http://localhost:8080/')).toBeNull();
    expect(onPrem.urlProblem('http://[fd00::5]/')).toBeNull();
    expect(onPrem.urlProblem('http://10.21.0.1/')).toBe('must not point to an internal address');
    expect(onPrem.urlProblem('http://127.0.0.1:8080/')).toBe('must not point to an internal address');
    // A name allow-listed is trusted whatever it resolves to; any other name's addresses must be public or in an allowed CIDR.
    expect(onPrem.addressAllowed('bot.corp.example', '192.168.1.1')).toBe(true);
    expect(onPrem.addressAllowed('evil.example', '10.20.9.9')).toBe(true);
    expect(onPrem.addressAllowed('evil.example', '10.30.9.9')).toBe(false);
    expect(onPrem.addressAllowed('evil.example', '::ffff:127.0.0.1')).toBe(false);
    expect(onPrem.addressAllowed('evil.example', '93.184.215.14')).toBe(true);
  });

  it('refuses an allow-list entry that is neither a host nor a CIDR', () => {
    expect(() => new OutboundPolicy(['http://bot/'])).toThrow(/neither a host name nor a CIDR/);
    expect(() => new OutboundPolicy(['10.0.0.0/40'])).toThrow(/neither/);
  });
});
