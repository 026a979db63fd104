import CRsvg
import Crypto
import Foundation
import Synchronization

/// Badge images as PNG, for the backpacks and wallets that take no SVG: the badge's SVG drawn by
/// librsvg on a cairo image surface, written by cairo's PNG encoder. Livret draws nothing itself.
public enum RenduPNG {
    /// The side of the PNG, in pixels: twice the SVG's 256 px, so that a phone's 2× screen showing
    /// the badge at 256 points gets one pixel per dot, and the issuing structure's name (9–12 px in
    /// the SVG) stays readable; at 512 × 512 a badge weighs some 55 to 70 kB, its credential included.
    public static let cote = 512

    /// The PNG of `svg`, `cote` × `cote` pixels (the SVG's viewBox scaled to fit), transparent
    /// outside the disc. Same SVG, same library versions, same bytes. Drawings are kept (a badge's
    /// image depends only on its achievement and its structure), so a bundle of many badges draws
    /// each image once.
    public static func png(svg: Data, cote: Int = RenduPNG.cote) throws -> Data {
        let cle = IdentiteHachee.hex(Array(SHA256.hash(data: svg))) + ":\(cote)"
        if let connu = dessins.withLock({ $0[cle] }) { return connu }
        let png = try dessiner(svg, cote: cote)
        dessins.withLock { cache in
            if cache.count > 200 { cache.removeAll() }
            cache[cle] = png
        }
        return png
    }

    private static let dessins = Mutex<[String: Data]>([:])

    private static func dessiner(_ svg: Data, cote: Int) throws -> Data {
        try surface(svg, cote: cote) { surface in
            final class Tampon { var octets = Data() }
            let tampon = Tampon()
            let statut = cairo_surface_write_to_png_stream(surface, { contexte, donnees, longueur in
                guard let contexte, let donnees else { return CAIRO_STATUS_WRITE_ERROR }
                Unmanaged<Tampon>.fromOpaque(contexte).takeUnretainedValue().octets.append(donnees, count: Int(longueur))
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(tampon).toOpaque())
            guard statut == CAIRO_STATUS_SUCCESS else {
                throw ErreurBadge("cairo n'a pas pu écrire le PNG : \(String(cString: cairo_status_to_string(statut)))")
            }
            return withExtendedLifetime(tampon) { tampon.octets }
        }
    }

    /// The red level (0 to 255, premultiplied by opacity) of each pixel of `svg` drawn `cote` ×
    /// `cote`, row by row: on a black background, how white each pixel is — what the tests compare
    /// to tell pictograms apart at the size a person sees them.
    static func rouges(svg: Data, cote: Int) throws -> [UInt8] {
        try surface(svg, cote: cote) { surface in
            guard let donnees = cairo_image_surface_get_data(surface) else { throw ErreurBadge("surface cairo illisible") }
            let pas = Int(cairo_image_surface_get_stride(surface))
            // CAIRO_FORMAT_ARGB32: one native-endian 32-bit word per pixel, alpha, red, green, blue from the high byte.
            return (0..<cote).flatMap { y in
                (0..<cote).map { x in
                    UInt8(truncatingIfNeeded: donnees.advanced(by: y * pas + 4 * x).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee } >> 16)
                }
            }
        }
    }

    /// Draws `svg` on a fresh `cote` × `cote` ARGB surface and hands it to `travail`.
    private static func surface<T>(_ svg: Data, cote: Int, _ travail: (OpaquePointer) throws -> T) throws -> T {
        guard cote > 0, cote <= 4096 else { throw ErreurBadge("taille d'image PNG impossible : \(cote) pixels") }
        var erreur: UnsafeMutablePointer<GError>?
        let handle: UnsafeMutablePointer<RsvgHandle>? = svg.withUnsafeBytes { octets in
            rsvg_handle_new_from_data(octets.bindMemory(to: UInt8.self).baseAddress, gsize(octets.count), &erreur)
        }
        guard let handle else {
            throw ErreurBadge("l'image SVG n'a pas pu être lue par librsvg : \(message(&erreur))")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(handle)) }

        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(cote), Int32(cote)) else {
            throw ErreurBadge("surface cairo impossible à créer")
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let contexte = cairo_create(surface) else {
            throw ErreurBadge("surface cairo impossible à créer")
        }
        defer { cairo_destroy(contexte) }
        var cadre = RsvgRectangle(x: 0, y: 0, width: Double(cote), height: Double(cote))
        guard rsvg_handle_render_document(handle, contexte, &cadre, &erreur) != 0 else {
            throw ErreurBadge("librsvg n'a pas pu dessiner l'image : \(message(&erreur))")
        }
        cairo_surface_flush(surface)
        return try travail(surface)
    }

    private static func message(_ erreur: inout UnsafeMutablePointer<GError>?) -> String {
        guard let e = erreur else { return "erreur inconnue" }
        defer { g_error_free(e); erreur = nil }
        return e.pointee.message.map { String(cString: $0) } ?? "erreur inconnue"
    }
}
