import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * The security headers of every page and API answer, for the web chat and the staff console alike
 * (Hono's secure-headers, configured once). No inline script or style anywhere: whatever a consumer
 * typed cannot run even if an escaping mistake let it into a page. Pages may not be framed. HSTS only
 * when the service is published over https (PUBLIC_URL), since on plain http it would be ignored or,
 * behind a misconfigured proxy, lock users out.
 */
export function pageSecurityHeaders(options: { readonly https: boolean }): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      // The chat offers the negotiation letter as a blob: download.
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    // The chat downloads nothing cross-origin; the default (require-corp) would only add risk of breakage.
    crossOriginEmbedderPolicy: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    strictTransportSecurity: options.https ? 'max-age=31536000; includeSubDomains' : false,
  });
}
