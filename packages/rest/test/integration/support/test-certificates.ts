import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A private CA and a server certificate it signed for 127.0.0.1, made with Debian's openssl. */
export interface TestCertificates {
  dir: string;
  caPath: string;
  ca: string;
  certPath: string;
  keyPath: string;
  remove(): void;
}

/**
 * Makes a throwaway CA and a certificate for `127.0.0.1` signed by it, in a temporary folder, at
 * test time: nothing secret is committed, and nothing outlives the test. The certificate also
 * names `localhost`: a TLS connection opened without a host name (https-proxy-agent's, to an IP
 * address) is checked against that name.
 *
 * @example
 * ```ts
 * const certificates = makeTestCertificates();
 * const agent = new https.Agent({ ca: certificates.ca });
 * certificates.remove();
 * ```
 */
export function makeTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), "x-rest-tls-"));
  const file = (name: string): string => join(dir, name);
  const openssl = (...args: string[]): void => {
    execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  };
  openssl(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "2",
    "-subj",
    "/CN=x test CA",
    "-keyout",
    file("ca.key"),
    "-out",
    file("ca.pem"),
  );
  openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", file("server.key"), "-out", file("server.csr"));
  writeFileSync(
    file("server.ext"),
    "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n",
  );
  openssl(
    "x509",
    "-req",
    "-in",
    file("server.csr"),
    "-CA",
    file("ca.pem"),
    "-CAkey",
    file("ca.key"),
    "-CAcreateserial",
    "-days",
    "2",
    "-extfile",
    file("server.ext"),
    "-out",
    file("server.pem"),
  );
  return {
    dir,
    caPath: file("ca.pem"),
    ca: readFileSync(file("ca.pem"), "utf8"),
    certPath: file("server.pem"),
    keyPath: file("server.key"),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
