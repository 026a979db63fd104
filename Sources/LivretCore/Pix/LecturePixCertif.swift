import Foundation

/// Reads a Pix Certif session-results export (reference/pix.md §3 and §4). No I/O.
///
/// Columns are recognised by name (case, accents and apostrophes do not count), in any order.
/// The birth date and birthplace are read past but never kept: Livret does not store them.
/// Columns Livret does not know are left aside, so that a newer Pix export still reads. The
/// "Certification CléA Numérique" column is read and checked (decision 55).
public enum LecturePixCertif {
    /// The columns the reader knows, besides the 16 competences and the "Certification {label}" ones.
    enum Colonne: CaseIterable {
        case numero, prenom, nom, dateNaissance, lieuNaissance, identifiantExterne, statut, score
        case commentaireJury, session, centre, date

        /// The spelling of Pix Certif exports.
        var libelle: String {
            switch self {
            case .numero: "Numéro de certification"
            case .prenom: "Prénom"
            case .nom: "Nom"
            case .dateNaissance: "Date de naissance"
            case .lieuNaissance: "Lieu de naissance"
            case .identifiantExterne: "Identifiant Externe"
            case .statut: "Statut"
            case .score: "Nombre de Pix"
            case .commentaireJury: "Commentaire jury pour l\u{2019}organisation"
            case .session: "Session"
            case .centre: "Centre de certification"
            case .date: "Date de passage de la certification"
            }
        }

        /// Columns a results file cannot do without.
        var obligatoire: Bool { [.numero, .prenom, .nom, .statut, .date].contains(self) }

        static func depuis(_ entete: String) -> Colonne? {
            let cle = NormalisationTitre.cle(entete)
            return allCases.first { NormalisationTitre.cle($0.libelle) == cle }
        }
    }

    /// What one header cell designates.
    enum Role: Equatable {
        case colonne(Colonne)
        case competence(String)
        case complementaire(String)
        case inconnue
    }

    static let prefixeComplementaire = "certification "

    /// Reads `donnees` (UTF-8 with or without BOM, ";" separator, Pix quoting and formula guard).
    ///
    /// - Parameters:
    ///   - fichier: the file name, for messages.
    ///   - pix: the référentiel, for the competence codes and the level range.
    /// - Throws: every problem of the file, by line and column; nothing is returned when there is one.
    public static func lire(_ donnees: Data, fichier: String, pix: ReferentielPix) throws(ErreursImport) -> ResultatsPixCertif {
        let pasUnExport = "ce fichier n'est pas un export de résultats Pix Certif : il faut les colonnes « Numéro de certification » "
            + "et une colonne par compétence (1.1 à 5.2). Dans Pix Certif, ouvrez la session puis « Exporter les résultats »."
        let (entete, donneesLignes) = try LecteurCSV.decouper(
            donnees, fichier: fichier,
            conseilEncodage: "téléchargez de nouveau l'export depuis Pix Certif.",
            siVide: pasUnExport)

        // Header.
        let codes = pix.competences.map(\.code)
        var roles: [Role] = []
        var erreurs: [ErreurImport] = []
        var vus: [String: Int] = [:]
        for brut in entete.champs {
            let nom = brut.trimmingCharacters(in: .whitespacesAndNewlines)
            let role: Role
            if let colonne = Colonne.depuis(nom) {
                role = .colonne(colonne)
            } else if codes.contains(nom) {
                role = .competence(nom)
            } else if NormalisationTitre.cle(nom).hasPrefix(prefixeComplementaire), nom.count > prefixeComplementaire.count {
                role = .complementaire(String(nom.dropFirst("certification".count)).trimmingCharacters(in: .whitespaces))
            } else {
                role = .inconnue
            }
            if role != .inconnue {
                let cle = NormalisationTitre.cle(nom)
                if vus[cle] != nil {
                    erreurs.append(ErreurImport(fichier: fichier, ligne: entete.ligne, champ: nom,
                        message: "la colonne « \(nom) » apparaît deux fois ; téléchargez de nouveau l'export depuis Pix Certif."))
                }
                vus[cle, default: 0] += 1
            }
            roles.append(role)
        }
        let presentes = Set(roles.compactMap { if case .colonne(let c) = $0 { c } else { nil } })
        let competencesPresentes = Set(roles.compactMap { if case .competence(let c) = $0 { c } else { nil } })
        guard presentes.contains(.numero), !competencesPresentes.isEmpty else {
            throw ErreursImport(erreurs: [ErreurImport(fichier: fichier, ligne: entete.ligne, message: pasUnExport)])
        }
        for colonne in Colonne.allCases where colonne.obligatoire && !presentes.contains(colonne) {
            erreurs.append(ErreurImport(fichier: fichier, ligne: entete.ligne, champ: colonne.libelle,
                message: "la colonne « \(colonne.libelle) » manque ; téléchargez de nouveau l'export complet depuis Pix Certif."))
        }
        let manquantes = codes.filter { !competencesPresentes.contains($0) }
        if !manquantes.isEmpty {
            erreurs.append(ErreurImport(fichier: fichier, ligne: entete.ligne,
                message: "\(Accord.forme(manquantes.count, "colonne de compétence manquante", "colonnes de compétence manquantes")) : \(manquantes.joined(separator: ", ")) ; "
                    + "un export Pix Certif a une colonne par compétence, de 1.1 à 5.2."))
        }
        if !erreurs.isEmpty { throw ErreursImport(erreurs: erreurs) }

        // Rows.
        let niveauMin = pix.niveaux.min
        let niveauMax = pix.niveaux.max
        var lignes: [ResultatsPixCertif.Ligne] = []
        var lignesDesNumeros: [String: Int] = [:]
        for enregistrement in donneesLignes {
            let ligne = enregistrement.ligne
            func erreur(_ champ: String?, _ message: String) {
                erreurs.append(ErreurImport(fichier: fichier, ligne: ligne, champ: champ, message: message))
            }
            guard enregistrement.champs.count == roles.count else {
                erreur(nil, "la ligne a \(Accord.nombre(enregistrement.champs.count, "champ")) alors que l'en-tête annonce \(Accord.nombre(roles.count, "colonne")) ; "
                    + "le fichier a peut-être été modifié dans un tableur : téléchargez de nouveau l'export depuis Pix Certif.")
                continue
            }
            var valeurs: [Colonne: String] = [:]
            var niveaux: [String: Int] = [:]
            var complementaires: [String: String] = [:]
            var clea: ResultatCleA?
            var valide = true
            for (indice, (role, brut)) in zip(roles, enregistrement.champs).enumerated() {
                switch role {
                case .colonne(let colonne):
                    // The birth date and place are never kept, not even in memory past this loop.
                    if colonne == .dateNaissance || colonne == .lieuNaissance || colonne == .commentaireJury { continue }
                    valeurs[colonne] = CellulesPix.texte(brut)
                case .competence(let code):
                    let valeur = brut.trimmingCharacters(in: .whitespaces)
                    if valeur == "-" || CellulesPix.estAbsent(valeur) { continue }
                    if let niveau = CellulesPix.entier(valeur), (niveauMin...niveauMax).contains(niveau) {
                        niveaux[code] = niveau
                    } else {
                        valide = false
                        erreur(code, "« \(valeur) » n'est pas un niveau de compétence ; attendu « - » (non testée), "
                            + "ou un nombre entier de \(niveauMin) à \(niveauMax).")
                    }
                case .complementaire(let libelle):
                    let valeur = CellulesPix.texte(brut)
                    if !valeur.isEmpty { complementaires[libelle] = valeur }
                    guard CleA.designe(libelle), !valeur.isEmpty else { break }
                    if let resultat = ResultatCleA.lire(valeur) {
                        clea = resultat
                    } else {
                        valide = false
                        let colonne = entete.champs[indice].trimmingCharacters(in: .whitespacesAndNewlines)
                        erreur(colonne, "« \(valeur) » n'est pas un résultat de la certification CléA numérique ; attendu "
                            + ResultatCleA.allCases.map { "« \($0.libelle) »" }.joined(separator: ", ")
                            + ". Téléchargez de nouveau l'export depuis Pix Certif sans le modifier dans un tableur.")
                    }
                case .inconnue:
                    continue
                }
            }

            let numero = valeurs[.numero] ?? ""
            if numero.isEmpty {
                valide = false
                erreur(Colonne.numero.libelle, "le numéro de certification manque.")
            } else if let premiere = lignesDesNumeros[numero] {
                valide = false
                erreur(Colonne.numero.libelle, "le numéro de certification « \(numero) » figure déjà ligne \(premiere).")
            } else {
                lignesDesNumeros[numero] = ligne
            }

            let brutStatut = valeurs[.statut] ?? ""
            let statut = ResultatsPixCertif.Ligne.Statut.allCases.first {
                NormalisationTitre.cle($0.libelle) == NormalisationTitre.cle(brutStatut)
            }
            if statut == nil {
                valide = false
                let connus = ResultatsPixCertif.Ligne.Statut.allCases.map(\.libelle).joined(separator: ", ")
                erreur(Colonne.statut.libelle, brutStatut.isEmpty
                    ? "le statut manque ; attendu l'un de : \(connus)."
                    : "statut « \(brutStatut) » inconnu ; attendu l'un de : \(connus).")
            }

            var score: Int?
            if let brut = valeurs[.score], brut != "-", !CellulesPix.estAbsent(brut) {
                if let nombre = CellulesPix.entier(brut), nombre >= 0 {
                    score = nombre
                } else {
                    valide = false
                    erreur(Colonne.score.libelle, "« \(brut) » n'est pas un nombre de Pix ; attendu un nombre entier, « NA » ou « - ».")
                }
            }

            let brutDate = valeurs[.date] ?? ""
            let date = CellulesPix.jour(brutDate)
            if date == nil {
                valide = false
                erreur(Colonne.date.libelle, brutDate.isEmpty
                    ? "la date de passage manque."
                    : "« \(brutDate) » n'est pas une date ; attendu JJ/MM/AAAA (éventuellement suivi de HH:mm) ou AAAA-MM-JJ.")
            }

            func optionnel(_ colonne: Colonne) -> String? {
                guard let valeur = valeurs[colonne], !valeur.isEmpty else { return nil }
                return valeur
            }
            guard valide, let statut, let date else { continue }
            lignes.append(ResultatsPixCertif.Ligne(
                ligne: ligne, numero: numero, prenom: valeurs[.prenom] ?? "", nom: valeurs[.nom] ?? "",
                identifiantExterne: optionnel(.identifiantExterne), statut: statut, score: score, niveaux: niveaux,
                session: optionnel(.session), centre: optionnel(.centre), date: date, complementaires: complementaires, clea: clea))
        }
        if !erreurs.isEmpty { throw ErreursImport(erreurs: erreurs) }
        return ResultatsPixCertif(lignes: lignes)
    }
}
