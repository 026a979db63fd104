import Foundation

/// One référentiel file, read and checked on its own.
public enum DocumentReferentiel: Sendable, Equatable {
    case aptic(ReferentielAptic)
    case variante(VarianteAptic)
    case pix(ReferentielPix)
    case correspondances(TableCorrespondances)
    case thematiques(TableThematiques)
    case parcours(ModeleParcours)

    public var entete: EnteteReferentiel {
        switch self {
        case .aptic(let r): r.entete
        case .variante(let v): v.entete
        case .pix(let p): p.entete
        case .correspondances(let c): c.entete
        case .thematiques(let t): t.entete
        case .parcours(let m): m.entete
        }
    }

    /// Reads one file. Returns the document when it could be read, and every problem found
    /// (a document may come back together with errors; callers must not use it then).
    public static func lire(fichier: String, donnees: Data) -> (document: DocumentReferentiel?, erreurs: [ErreurReferentiel]) {
        var lecteur = LecteurJSON(fichier: fichier)
        guard let valeur = lecteur.analyser(donnees) else { return (nil, lecteur.erreurs) }
        guard let racine = lecteur.objet(valeur, "$") else { return (nil, lecteur.erreurs) }
        guard let entete = lecteur.entete(racine) else { return (nil, lecteur.erreurs) }
        let document: DocumentReferentiel? = switch entete.type {
        case .aptic: .aptic(lecteur.referentielAptic(racine, entete: entete))
        case .apticVariante: .variante(lecteur.varianteAptic(racine, entete: entete))
        case .pix: lecteur.referentielPix(racine, entete: entete).map(DocumentReferentiel.pix)
        case .correspondances: .correspondances(lecteur.correspondances(racine, entete: entete))
        case .thematiques: .thematiques(lecteur.thematiques(racine, entete: entete))
        case .parcours: lecteur.modeleParcours(racine, entete: entete).map(DocumentReferentiel.parcours)
        }
        return (document, lecteur.erreurs)
    }
}
