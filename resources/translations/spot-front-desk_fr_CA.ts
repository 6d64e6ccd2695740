<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/views/shell/about.py" line="46"/>
        <source>About {name}</source>
        <translation>À propos de {name}</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/about.py" line="53"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/about.py" line="56"/>
        <source>Open &amp;data folder</source>
        <translation>Ouvrir le dossier de &amp;données</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/about.py" line="57"/>
        <source>Open &amp;log folder</source>
        <translation>Ouvrir le dossier des &amp;journaux</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/about.py" line="59"/>
        <source>Environment:</source>
        <translation>Environnement&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/about.py" line="60"/>
        <source>Data folder:</source>
        <translation>Dossier de données&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/about.py" line="62"/>
        <source>Log folder:</source>
        <translation>Dossier des journaux&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/about.py" line="64"/>
        <source>Password store:</source>
        <translation>Trousseau de mots de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/about.py" line="65"/>
        <source>&amp;Copy diagnostics</source>
        <translation>&amp;Copier les diagnostics</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/about.py" line="67"/>
        <source>Versions, environment, outbox counts and recent error types for support: never patient data or the token</source>
        <translation>Versions, environnement, nombre de commandes en attente et types d’erreurs récentes pour le soutien&#xa0;: jamais de données de patients ni le jeton</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/about.py" line="80"/>
        <source>Not used here</source>
        <translation>Non utilisé ici</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/about.py" line="111"/>
        <source>None on this computer: the API token is kept for this session only (you&apos;ll paste it again next time the app starts).</source>
        <translation>Aucun sur cet ordinateur&#xa0;: le jeton d’API est conservé pour cette session seulement (vous le collerez de nouveau au prochain démarrage de l’application).</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/about.py" line="114"/>
        <source>{backend} — the API token is kept for this session only.</source>
        <translation>{backend} — le jeton d’API est conservé pour cette session seulement.</translation>
    </message>
</context>
<context>
    <name>Attention</name>
    <message>
        <location filename="../../app/services/order_rules.py" line="291"/>
        <source>Kit delivered over {days} days ago, not registered</source>
        <translation>Trousse livrée il y a plus de {days} jours, non enregistrée</translation>
    </message>
    <message>
        <location filename="../../app/services/order_rules.py" line="297"/>
        <source>Sample on its way to the lab for over {days} days</source>
        <translation>Échantillon en route vers le laboratoire depuis plus de {days} jours</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="59"/>
        <source>Audit trail started</source>
        <translation>Début de la piste d’audit</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="60"/>
        <source>Old records removed</source>
        <translation>Anciens enregistrements retirés</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="61"/>
        <source>Signed in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="62"/>
        <source>Wrong PIN</source>
        <translation>NIP erroné</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="63"/>
        <source>Too many wrong PINs</source>
        <translation>Trop de NIP erronés</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="64"/>
        <source>Signed out</source>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="65"/>
        <source>Locked</source>
        <translation>Verrouillage</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="66"/>
        <source>Unlocked</source>
        <translation>Déverrouillage</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="67"/>
        <source>Order placed</source>
        <translation>Commande passée</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="68"/>
        <source>Order queued</source>
        <translation>Commande en file d’attente</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="69"/>
        <source>Queued order discarded</source>
        <translation>Commande en attente supprimée</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="70"/>
        <source>Report viewed</source>
        <translation>Rapport consulté</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="71"/>
        <source>Report printed</source>
        <translation>Rapport imprimé</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="72"/>
        <source>Report saved</source>
        <translation>Rapport enregistré</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="73"/>
        <source>Report exported</source>
        <translation>Rapport exporté</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="74"/>
        <source>Kit registered</source>
        <translation>Trousse enregistrée</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="75"/>
        <source>Registration token created</source>
        <translation>Jeton d’inscription créé</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="77"/>
        <source>Metadata edited</source>
        <translation>Métadonnées modifiées</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="78"/>
        <source>Settings changed</source>
        <translation>Paramètres modifiés</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="79"/>
        <source>Spot token changed</source>
        <translation>Jeton Spot changé</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="80"/>
        <source>Signed out of Spot</source>
        <translation>Déconnexion de Spot</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="81"/>
        <source>Spot account switched</source>
        <translation>Changement de compte Spot</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="82"/>
        <source>Import</source>
        <translation>Importation</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="83"/>
        <source>Contact attempt</source>
        <translation>Tentative de contact</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="84"/>
        <source>Patient list exported</source>
        <translation>Liste de patients exportée</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="85"/>
        <source>Result signed off</source>
        <translation>Résultat signé</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="86"/>
        <source>Result marked for a clinician</source>
        <translation>Résultat signalé pour un clinicien</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="88"/>
        <source>Backlog signed off</source>
        <translation>Arriéré signé</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="89"/>
        <source>Printed</source>
        <translation>Impression</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="90"/>
        <source>Staff profile added</source>
        <translation>Profil ajouté</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="91"/>
        <source>Staff profile changed</source>
        <translation>Profil modifié</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="92"/>
        <source>Staff profile removed</source>
        <translation>Profil retiré</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="93"/>
        <source>PIN reset</source>
        <translation>NIP réinitialisé</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="94"/>
        <source>Audit trail exported</source>
        <translation>Piste d’audit exportée</translation>
    </message>
</context>
<context>
    <name>AuditDetails</name>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="99"/>
        <source>idle time</source>
        <translation>inactivité</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="100"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="101"/>
        <source>computer locked</source>
        <translation>ordinateur verrouillé</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="102"/>
        <source>start</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="103"/>
        <source>sign-out</source>
        <translation>déconnexion</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="104"/>
        <source>quit</source>
        <translation>fermeture</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="105"/>
        <source>idle-lock minutes</source>
        <translation>minutes avant verrouillage</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="106"/>
        <source>audit retention</source>
        <translation>conservation de l’audit</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="107"/>
        <source>environment</source>
        <translation>environnement</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="108"/>
        <source>language</source>
        <translation>langue</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="109"/>
        <source>custom server</source>
        <translation>serveur personnalisé</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="110"/>
        <source>role</source>
        <translation>rôle</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="111"/>
        <source>Settings window</source>
        <translation>fenêtre Paramètres</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="112"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="113"/>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="114"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="115"/>
        <source>printer</source>
        <translation>imprimante</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="116"/>
        <source>clipboard</source>
        <translation>presse-papiers</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="117"/>
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="118"/>
        <source>sent</source>
        <translation>envoyée</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="119"/>
        <source>same person</source>
        <translation>même personne</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="120"/>
        <source>someone else</source>
        <translation>autre personne</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="121"/>
        <source>same account, new key</source>
        <translation>même compte, nouvelle clé</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="122"/>
        <source>patient handout</source>
        <translation>fiche patient</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="123"/>
        <source>kit label</source>
        <translation>étiquette de trousse</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="124"/>
        <source>order label</source>
        <translation>étiquette de commande</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="125"/>
        <source>requisition label</source>
        <translation>étiquette de réquisition</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="126"/>
        <source>printer test label</source>
        <translation>étiquette d’essai de l’imprimante</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="127"/>
        <source>unreturned-kits worklist (CSV)</source>
        <translation>liste des trousses non retournées (CSV)</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="128"/>
        <source>reminder letters (PDF)</source>
        <translation>lettres de rappel (PDF)</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="129"/>
        <source>import rows with problems (CSV)</source>
        <translation>lignes d’importation à problèmes (CSV)</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="130"/>
        <source>called</source>
        <translation>appel</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="131"/>
        <source>left message</source>
        <translation>message laissé</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="132"/>
        <source>letter sent</source>
        <translation>lettre envoyée</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="133"/>
        <source>email sent</source>
        <translation>courriel envoyé</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="134"/>
        <source>patient declined</source>
        <translation>refus du patient</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="135"/>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="136"/>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="137"/>
        <source>backlog sign-off</source>
        <translation>signature de l’arriéré</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="141"/>
        <source>order</source>
        <translation>commande</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="142"/>
        <source>kit</source>
        <translation>trousse</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="143"/>
        <source>sample</source>
        <translation>échantillon</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="144"/>
        <source>report</source>
        <translation>rapport</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="145"/>
        <source>outbox item</source>
        <translation>élément de la boîte d’envoi</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="146"/>
        <source>patient</source>
        <translation>patient</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="147"/>
        <source>requisition</source>
        <translation>requête</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="148"/>
        <source>batch</source>
        <translation>lot</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="149"/>
        <source>staff</source>
        <translation>personnel</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="150"/>
        <source>Spot account</source>
        <translation>compte Spot</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="168"/>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="169"/>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="170"/>
        <source>Workstation</source>
        <translation>Poste de travail</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="171"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="172"/>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="173"/>
        <source>Kit</source>
        <translation>Trousse</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="174"/>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="175"/>
        <source>Other IDs</source>
        <translation>Autres identifiants</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="176"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="177"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>AuditWindow</name>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="266"/>
        <source>Audit trail — {app}</source>
        <translation>Piste d’audit — {app}</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="273"/>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="275"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="276"/>
        <source>Any action</source>
        <translation>Toute action</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="280"/>
        <source>&amp;From:</source>
        <translation>&amp;Du&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="282"/>
        <source>&amp;To:</source>
        <translation>&amp;Au&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="292"/>
        <location filename="../../app/views/staff/audit_window.py" line="293"/>
        <source>Order, kit or report ID</source>
        <translation>Identifiant de commande, de trousse ou de rapport</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="296"/>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="298"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="306"/>
        <source>St&amp;aff:</source>
        <translation>&amp;Personnel&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="308"/>
        <source>A&amp;ction:</source>
        <translation>A&amp;ction&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="310"/>
        <source>&amp;ID:</source>
        <translation>&amp;ID&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="373"/>
        <source>Only an administrator can see the audit trail.</source>
        <translation>Seul un administrateur peut consulter la piste d’audit.</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="384"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/staff/audit_window.py" line="392"/>
        <source>%n record(s) shown.</source>
        <translation>
            <numerusform>%n enregistrement affiché.</numerusform>
            <numerusform>%n enregistrements affichés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/staff/audit_window.py" line="401"/>
        <source>Chain intact: %n record(s), none changed or removed.</source>
        <translation>
            <numerusform>Chaîne intacte&#xa0;: %n enregistrement, aucun modifié ni retiré.</numerusform>
            <numerusform>Chaîne intacte&#xa0;: %n enregistrements, aucun modifié ni retiré.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="405"/>
        <source>Chain BROKEN at record {n} of {count}: a record was changed or removed. Keep this computer as it is and tell your privacy officer.</source>
        <translation>Chaîne ROMPUE à l’enregistrement {n} sur {count}&#xa0;: un enregistrement a été modifié ou retiré. Laissez cet ordinateur tel quel et avisez votre responsable de la protection des renseignements personnels.</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="415"/>
        <source>Anyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="423"/>
        <source>Export audit trail</source>
        <translation>Exporter la piste d’audit</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="425"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/audit_window.py" line="447"/>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/staff/audit_window.py" line="452"/>
        <source>Exported %n record(s) to {file}.</source>
        <translation>
            <numerusform>%n enregistrement exporté dans {file}.</numerusform>
            <numerusform>%n enregistrements exportés dans {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../app/views/shell/banner.py" line="42"/>
        <source>&amp;Copy details</source>
        <translation>&amp;Copier les détails</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/banner.py" line="44"/>
        <source>Copy diagnostics</source>
        <translation>Copier les diagnostics</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/banner.py" line="46"/>
        <source>Versions, outbox counts and recent error types for support (no patient data)</source>
        <translation>Versions, commandes en attente et types d’erreurs récentes pour le soutien (aucune donnée de patient)</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/banner.py" line="51"/>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/banner.py" line="52"/>
        <source>Dismiss message</source>
        <translation>Fermer le message</translation>
    </message>
</context>
<context>
    <name>ClinicSettingsBox</name>
    <message>
        <location filename="../../app/views/settings/clinic_box.py" line="17"/>
        <source>Clinic (on patient hand-outs and outreach letters)</source>
        <translation>Clinique (sur les feuillets des patients et les lettres de suivi)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/clinic_box.py" line="26"/>
        <source>&amp;Phone:</source>
        <translation>Télé&amp;phone&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/clinic_box.py" line="32"/>
        <source>Clinic &amp;name:</source>
        <translation>&amp;Nom de la clinique&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/clinic_box.py" line="43"/>
        <source>Outreach letters used to say “%1”. Check the details above are right, then press OK.</source>
        <translation>Les lettres de suivi indiquaient «&#xa0;%1&#xa0;». Vérifiez que les renseignements ci-dessus sont justes, puis appuyez sur OK.</translation>
    </message>
</context>
<context>
    <name>Contact</name>
    <message>
        <location filename="../../app/services/contact_log.py" line="41"/>
        <source>Called</source>
        <translation>Appel fait</translation>
    </message>
    <message>
        <location filename="../../app/services/contact_log.py" line="42"/>
        <source>Left message</source>
        <translation>Message laissé</translation>
    </message>
    <message>
        <location filename="../../app/services/contact_log.py" line="43"/>
        <source>Letter sent</source>
        <translation>Lettre envoyée</translation>
    </message>
    <message>
        <location filename="../../app/services/contact_log.py" line="44"/>
        <source>Email sent</source>
        <translation>Courriel envoyé</translation>
    </message>
    <message>
        <location filename="../../app/services/contact_log.py" line="45"/>
        <source>Patient declined</source>
        <translation>Refus du patient</translation>
    </message>
    <message>
        <location filename="../../app/services/contact_log.py" line="46"/>
        <source>Closed</source>
        <translation>Dossier fermé</translation>
    </message>
    <message>
        <location filename="../../app/services/contact_log.py" line="47"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="116"/>
        <source>Log a contact attempt</source>
        <translation>Noter une tentative de contact</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="125"/>
        <source>&amp;What happened:</source>
        <translation>&amp;Résultat&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="126"/>
        <source>&amp;Note:</source>
        <translation>&amp;Note&#xa0;:</translation>
    </message>
</context>
<context>
    <name>DobField</name>
    <message>
        <location filename="../../app/views/common/dob_field.py" line="56"/>
        <source>YYYY-MM-DD or DD/MM/YYYY</source>
        <translation>AAAA-MM-JJ ou JJ/MM/AAAA</translation>
    </message>
    <message>
        <location filename="../../app/views/common/dob_field.py" line="57"/>
        <source>YYYY-MM-DD or MM/DD/YYYY</source>
        <translation>AAAA-MM-JJ ou MM/JJ/AAAA</translation>
    </message>
    <message>
        <location filename="../../app/views/common/dob_field.py" line="59"/>
        <source>Type or paste the date; the date understood shows beside it</source>
        <translation>Tapez ou collez la date; la date comprise s’affiche à côté</translation>
    </message>
    <message>
        <location filename="../../app/views/common/dob_field.py" line="128"/>
        <source>%1, age %2</source>
        <translation>%1, %2 ans</translation>
    </message>
    <message>
        <location filename="../../app/views/common/dob_field.py" line="132"/>
        <source>Understood as %1</source>
        <translation>Compris comme %1</translation>
    </message>
</context>
<context>
    <name>Environments</name>
    <message>
        <location filename="../../app/services/environments.py" line="99"/>
        <source>Custom ({url})</source>
        <translation>Personnalisé ({url})</translation>
    </message>
    <message>
        <location filename="../../app/services/environments.py" line="106"/>
        <location filename="../../app/views/settings/dialog.py" line="35"/>
        <source>Sandbox (built-in)</source>
        <translation>Bac à sable (intégré)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/dialog.py" line="34"/>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/dialog.py" line="36"/>
        <source>Custom URL</source>
        <translation>URL personnalisée</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../app/services/errors.py" line="57"/>
        <source>Something went wrong</source>
        <translation>Un problème est survenu</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="58"/>
        <location filename="../../app/services/errors.py" line="263"/>
        <location filename="../../app/services/errors.py" line="282"/>
        <source>Try again. If it keeps happening, copy the details for support.</source>
        <translation>Réessayez. Si le problème persiste, copiez les détails pour le soutien technique.</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="109"/>
        <source>Nothing answers at the server&apos;s address</source>
        <translation>Rien ne répond à l’adresse du serveur</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="110"/>
        <source>The computer at that address refused the connection. Check the address (for a custom server), or ask IT whether a firewall blocks it.</source>
        <translation>L’ordinateur à cette adresse a refusé la connexion. Vérifiez l’adresse (pour un serveur personnalisé) ou demandez au service informatique si un pare-feu la bloque.</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="117"/>
        <source>The server&apos;s name can&apos;t be found</source>
        <translation>Le nom du serveur est introuvable</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="118"/>
        <source>This computer can&apos;t look up the server&apos;s name. Check the network connection and the address. If other websites work, ask IT to check the name lookup (DNS).</source>
        <translation>Cet ordinateur ne trouve pas le nom du serveur. Vérifiez la connexion réseau et l’adresse. Si les autres sites Web fonctionnent, demandez au service informatique de vérifier la résolution de noms (DNS).</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="125"/>
        <source>Spot is taking too long to answer</source>
        <translation>Spot met trop de temps à répondre</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="126"/>
        <source>The network or Spot may be slow. Try again in a moment.</source>
        <translation>Le réseau ou Spot est peut-être lent. Réessayez dans un instant.</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="129"/>
        <source>The server&apos;s security certificate isn&apos;t trusted</source>
        <translation>Le certificat de sécurité du serveur n’est pas reconnu</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="130"/>
        <source>Your network may inspect secure traffic. Ask IT to install their certificate on this computer, or to let this app reach Spot directly. Give them the lines below.</source>
        <translation>Votre réseau inspecte peut-être le trafic sécurisé. Demandez au service informatique d’installer son certificat sur cet ordinateur ou de laisser cette application joindre Spot directement. Transmettez-lui les lignes ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="137"/>
        <source>A secure connection to the server couldn&apos;t be set up</source>
        <translation>Impossible d’établir une connexion sécurisée avec le serveur</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="138"/>
        <source>Your network may inspect or block secure traffic. Ask IT to allow secure connections from this app to Spot.</source>
        <translation>Votre réseau inspecte ou bloque peut-être le trafic sécurisé. Demandez au service informatique d’autoriser les connexions sécurisées de cette application vers Spot.</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="145"/>
        <source>The proxy server refused the connection</source>
        <translation>Le serveur mandataire (proxy) a refusé la connexion</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="146"/>
        <source>Check the proxy in Settings, or ask IT whether the proxy lets this app reach Spot.</source>
        <translation>Vérifiez le serveur mandataire dans les Paramètres ou demandez au service informatique s’il laisse cette application joindre Spot.</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="152"/>
        <source>The connection to Spot broke off</source>
        <translation>La connexion avec Spot a été interrompue</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="153"/>
        <source>Try again. If it keeps happening, the network may be unstable.</source>
        <translation>Réessayez. Si cela se reproduit, le réseau est peut-être instable.</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="159"/>
        <source>Can&apos;t reach Spot</source>
        <translation>Impossible de joindre Spot</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="160"/>
        <source>Check this computer&apos;s network connection, then try again.</source>
        <translation>Vérifiez la connexion réseau de cet ordinateur, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="173"/>
        <source>Certificate issued to: {subject}</source>
        <translation>Certificat délivré à&#xa0;: {subject}</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="178"/>
        <source>Issued by: {issuer}</source>
        <translation>Délivré par&#xa0;: {issuer}</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="181"/>
        <source>Reason: {reason}</source>
        <translation>Motif&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="210"/>
        <source>Spot didn&apos;t accept the details</source>
        <translation>Spot n’a pas accepté les renseignements</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="211"/>
        <location filename="../../app/services/requisitions.py" line="324"/>
        <source>Correct the fields below, then try again.</source>
        <translation>Corrigez les champs ci-dessous, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="218"/>
        <source>Spot rejected the API token</source>
        <translation>Spot a refusé le jeton d’API</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="219"/>
        <source>Sign in again with a current API token (Spot dashboard → Account Settings).</source>
        <translation>Reconnectez-vous avec un jeton d’API valide (tableau de bord Spot → Account Settings).</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="227"/>
        <source>This API token isn&apos;t allowed to do that</source>
        <translation>Ce jeton d’API n’a pas l’autorisation de faire cela</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="228"/>
        <source>Ask your Spot account manager to enable it for your account.</source>
        <translation>Demandez à votre gestionnaire de compte Spot de l’activer pour votre compte.</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="235"/>
        <source>Spot couldn&apos;t find that record</source>
        <translation>Spot n’a pas trouvé cet enregistrement</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="236"/>
        <source>It may have been removed. Refresh, then try again.</source>
        <translation>Il a peut-être été supprimé. Actualisez, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="241"/>
        <source>Wait {seconds} seconds, then try again.</source>
        <translation>Attendez {seconds} secondes, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="245"/>
        <source>Wait a minute, then try again.</source>
        <translation>Attendez une minute, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="248"/>
        <source>Spot asked us to slow down</source>
        <translation>Spot demande de ralentir les requêtes</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="255"/>
        <source>Spot is having a problem</source>
        <translation>Spot éprouve un problème</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="256"/>
        <source>This is on Spot&apos;s side. Try again in a few minutes.</source>
        <translation>Le problème vient de Spot. Réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="262"/>
        <source>Spot gave an unexpected answer</source>
        <translation>Spot a donné une réponse inattendue</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="270"/>
        <source>Spot sent a reply this app doesn&apos;t understand</source>
        <translation>Spot a envoyé une réponse que l’application ne comprend pas</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="271"/>
        <source>Try again later. If it keeps happening, the app may need an update.</source>
        <translation>Réessayez plus tard. Si le problème persiste, l’application a peut-être besoin d’une mise à jour.</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="281"/>
        <source>Something went wrong talking to Spot</source>
        <translation>Un problème est survenu lors de l’échange avec Spot</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="289"/>
        <source>The app&apos;s local database had a problem</source>
        <translation>La base de données locale de l’application a éprouvé un problème</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="290"/>
        <source>Close and reopen the app. If it keeps happening, copy the details for support.</source>
        <translation>Fermez et rouvrez l’application. Si le problème persiste, copiez les détails pour le soutien technique.</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="298"/>
        <source>Couldn&apos;t read or write a file on this computer</source>
        <translation>Impossible de lire ou d’écrire un fichier sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="299"/>
        <source>Check there is free disk space, then try again.</source>
        <translation>Vérifiez qu’il reste de l’espace disque, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/services/outbox_items.py" line="111"/>
        <source>This order is still being sent</source>
        <translation>Cette commande est encore en cours d’envoi</translation>
    </message>
    <message>
        <location filename="../../app/services/outbox_items.py" line="112"/>
        <source>Wait until Spot has confirmed or rejected it; an earlier attempt may already have reached Spot.</source>
        <translation>Attendez que Spot l’ait confirmée ou refusée; une tentative précédente a peut-être déjà atteint Spot.</translation>
    </message>
    <message>
        <location filename="../../app/services/outbox_items.py" line="120"/>
        <source>Spot may already have this order</source>
        <translation>Spot a peut-être déjà cette commande</translation>
    </message>
    <message>
        <location filename="../../app/services/outbox_items.py" line="121"/>
        <source>Check with Spot first. If you looked in Spot and it isn&apos;t there, say so (&quot;I checked: it isn&apos;t there&quot;); then it can be discarded.</source>
        <translation>Vérifiez d&apos;abord auprès de Spot. Si vous avez regardé dans Spot et qu&apos;elle n&apos;y est pas, indiquez-le («&#xa0;J&apos;ai vérifié&#xa0;: elle n&apos;y est pas&#xa0;»); elle pourra alors être abandonnée.</translation>
    </message>
    <message>
        <location filename="../../app/services/outbox_items.py" line="129"/>
        <source>Say how you checked</source>
        <translation>Indiquez comment vous avez vérifié</translation>
    </message>
    <message>
        <location filename="../../app/services/outbox_items.py" line="130"/>
        <source>Write a few words (where you looked, who confirmed it) for the record.</source>
        <translation>Écrivez quelques mots (où vous avez regardé, qui l&apos;a confirmé) pour le dossier.</translation>
    </message>
    <message>
        <location filename="../../app/services/outbox_items.py" line="136"/>
        <source>This order is no longer in the outbox</source>
        <translation>Cette commande n’est plus dans la boîte d’envoi</translation>
    </message>
    <message>
        <location filename="../../app/services/outbox_items.py" line="137"/>
        <source>Refresh the list.</source>
        <translation>Actualisez la liste.</translation>
    </message>
    <message>
        <location filename="../../app/services/registration.py" line="354"/>
        <source>Spot may already have created this patient</source>
        <extracomment>Spot&apos;s documented lifetime of a registration token (§7.12). Kits fetched (one request each) when looking a patient up by email.</extracomment>
        <translation>Spot a peut-être déjà créé ce patient</translation>
    </message>
    <message>
        <location filename="../../app/services/registration.py" line="355"/>
        <source>The answer to the last try was lost. Wait two minutes and try again: the app checks with Spot before creating the patient again. Or pick the patient from the existing patients if they are listed.</source>
        <translation>La réponse à la dernière tentative s&apos;est perdue. Attendez deux minutes et réessayez&#xa0;: l&apos;application vérifie auprès de Spot avant de créer le patient de nouveau. Ou choisissez le patient parmi les patients existants s&apos;il y figure.</translation>
    </message>
    <message>
        <location filename="../../app/services/registration.py" line="461"/>
        <source>Spot didn&apos;t return an id for the new patient</source>
        <extracomment>The app&apos;s one memory of lost patient creations (dialogs come and go; the rule must hold across them).</extracomment>
        <translation>Spot n’a pas renvoyé d’ID pour le nouveau patient</translation>
    </message>
    <message>
        <location filename="../../app/services/registration.py" line="462"/>
        <source>Pick the patient from the list of existing patients, or try again later.</source>
        <translation>Choisissez le patient dans la liste des patients existants, ou réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../../app/services/reports.py" line="66"/>
        <source>This report link has expired or was removed</source>
        <translation>Le lien de ce rapport a expiré ou a été retiré</translation>
    </message>
    <message>
        <location filename="../../app/services/reports.py" line="67"/>
        <source>Ask Spot to re-issue it.</source>
        <translation>Demandez à Spot de le publier de nouveau.</translation>
    </message>
    <message>
        <location filename="../../app/services/reports.py" line="71"/>
        <source>Can&apos;t download the report</source>
        <translation>Impossible de télécharger le rapport</translation>
    </message>
    <message>
        <location filename="../../app/services/reports.py" line="72"/>
        <source>Check this computer&apos;s network connection, then retry.</source>
        <translation>Vérifiez la connexion réseau de cet ordinateur, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/services/reports.py" line="78"/>
        <source>The downloaded report isn&apos;t readable</source>
        <translation>Le rapport téléchargé est illisible</translation>
    </message>
    <message>
        <location filename="../../app/services/reports.py" line="79"/>
        <source>Retry. If it keeps happening, ask Spot to re-issue the report.</source>
        <translation>Réessayez. Si le problème persiste, demandez à Spot de publier le rapport de nouveau.</translation>
    </message>
    <message>
        <location filename="../../app/services/reports.py" line="85"/>
        <source>The downloaded report isn&apos;t a PDF</source>
        <translation>Le rapport téléchargé n’est pas un PDF</translation>
    </message>
    <message>
        <location filename="../../app/services/requisitions.py" line="70"/>
        <source>Requisitions are turned off for this Spot account.</source>
        <translation>Les requêtes sont désactivées pour ce compte Spot.</translation>
    </message>
    <message>
        <location filename="../../app/services/requisitions.py" line="73"/>
        <source>Ask Spot support to enable requisitioning for your account.</source>
        <translation>Demandez au soutien de Spot d’activer les requêtes pour votre compte.</translation>
    </message>
    <message>
        <location filename="../../app/services/requisitions.py" line="323"/>
        <source>Some details need fixing</source>
        <translation>Certains renseignements sont à corriger</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="70"/>
        <source>Not signed in to Spot</source>
        <translation>Non connecté à Spot</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="71"/>
        <source>Sign in with your Spot API token, then refresh.</source>
        <translation>Connectez-vous avec votre jeton d’API Spot, puis actualisez.</translation>
    </message>
    <message>
        <location filename="../../app/services/credentials.py" line="45"/>
        <source>save</source>
        <translation>mémoriser</translation>
    </message>
    <message>
        <location filename="../../app/services/credentials.py" line="46"/>
        <source>read</source>
        <translation>lire</translation>
    </message>
    <message>
        <location filename="../../app/services/credentials.py" line="47"/>
        <source>remove</source>
        <translation>supprimer</translation>
    </message>
    <message>
        <location filename="../../app/services/credentials.py" line="58"/>
        <source>This computer has no password store for the API token</source>
        <translation>Cet ordinateur n’a pas de trousseau de mots de passe pour le jeton d’API</translation>
    </message>
    <message>
        <location filename="../../app/services/credentials.py" line="61"/>
        <source>Use the token for this session only; you&apos;ll enter it again next time the app starts.</source>
        <translation>Utilisez le jeton pour cette session seulement; vous le saisirez de nouveau au prochain démarrage de l’application.</translation>
    </message>
    <message>
        <location filename="../../app/services/credentials.py" line="68"/>
        <source>The password store is locked</source>
        <translation>Le trousseau de mots de passe est verrouillé</translation>
    </message>
    <message>
        <location filename="../../app/services/credentials.py" line="69"/>
        <source>Unlock your keyring (sign in to the computer again), then retry. Or use the token for this session only (you&apos;ll enter it again next time).</source>
        <translation>Déverrouillez votre trousseau (reconnectez-vous à l’ordinateur), puis réessayez. Ou utilisez le jeton pour cette session seulement (vous le saisirez de nouveau la prochaine fois).</translation>
    </message>
    <message>
        <location filename="../../app/services/credentials.py" line="77"/>
        <source>The password store couldn&apos;t start</source>
        <translation>Le trousseau de mots de passe n’a pas pu démarrer</translation>
    </message>
    <message>
        <location filename="../../app/services/credentials.py" line="78"/>
        <source>Restart the computer&apos;s keyring service or sign in again, then retry. Or use the token for this session only (you&apos;ll enter it again next time).</source>
        <translation>Redémarrez le service de trousseau de l’ordinateur ou reconnectez-vous, puis réessayez. Ou utilisez le jeton pour cette session seulement (vous le saisirez de nouveau la prochaine fois).</translation>
    </message>
    <message>
        <location filename="../../app/services/credentials.py" line="86"/>
        <source>The password store reported a problem</source>
        <translation>Le trousseau de mots de passe a signalé un problème</translation>
    </message>
    <message>
        <location filename="../../app/services/credentials.py" line="87"/>
        <source>Try again. Or use the token for this session only (you&apos;ll enter it again next time).</source>
        <translation>Réessayez. Ou utilisez le jeton pour cette session seulement (vous le saisirez de nouveau la prochaine fois).</translation>
    </message>
    <message>
        <location filename="../../app/services/credentials.py" line="118"/>
        <source>Couldn&apos;t {verb} the API token: {problem}</source>
        <translation>Impossible de {verb} le jeton d’API&#xa0;: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/services/environments.py" line="166"/>
        <source>Can&apos;t reach the server. Check this computer&apos;s network connection (and, for a custom server, the address).</source>
        <translation>Impossible de joindre le serveur. Vérifiez la connexion réseau de cet ordinateur (et, pour un serveur personnalisé, l’adresse).</translation>
    </message>
    <message>
        <location filename="../../app/services/data_folder.py" line="48"/>
        <source>This data folder can&apos;t hold patient data</source>
        <translation>Ce dossier de données ne peut pas contenir de données de patients</translation>
    </message>
    <message>
        <location filename="../../app/services/data_folder.py" line="49"/>
        <source>Ask IT to point SPOT_FRONT_DESK_HOME to a folder on this computer&apos;s own disk that only you can read, or remove the setting to use the standard folder.</source>
        <translation>Demandez au service informatique de faire pointer SPOT_FRONT_DESK_HOME vers un dossier du disque de cet ordinateur que vous seul pouvez lire, ou retirez ce réglage pour utiliser le dossier standard.</translation>
    </message>
    <message>
        <location filename="../../app/services/data_folder.py" line="57"/>
        <source>The data folder is on a network drive, which the app can&apos;t use safely</source>
        <translation>Le dossier de données est sur un lecteur réseau, que l’application ne peut pas utiliser en toute sécurité</translation>
    </message>
    <message>
        <location filename="../../app/services/data_folder.py" line="63"/>
        <source>The data folder can be read by other users of this computer</source>
        <translation>Le dossier de données peut être lu par d’autres utilisateurs de cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../app/services/data_folder.py" line="191"/>
        <source>Some orders haven&apos;t reached Spot yet</source>
        <translation>Certaines commandes ne sont pas encore parvenues à Spot</translation>
    </message>
    <message>
        <location filename="../../app/services/data_folder.py" line="192"/>
        <source>This computer forgets its files when you sign out, so they would be lost. Stay signed in until the outbox is empty, or note the patients and order again from another computer.</source>
        <translation>Cet ordinateur efface ses fichiers à la fermeture de session&#xa0;: elles seraient perdues. Restez connecté jusqu’à ce que la boîte d’envoi soit vide, ou notez les patients et commandez de nouveau depuis un autre ordinateur.</translation>
    </message>
    <message>
        <location filename="../../app/services/setup_file.py" line="56"/>
        <source>This isn&apos;t a setup file this app can read</source>
        <translation>Ce n’est pas un fichier de configuration que l’application peut lire</translation>
    </message>
    <message>
        <location filename="../../app/services/setup_file.py" line="57"/>
        <source>Export the setup again from a desk that works, then import that file.</source>
        <translation>Exportez de nouveau la configuration à partir d’un poste qui fonctionne, puis importez ce fichier.</translation>
    </message>
    <message>
        <location filename="../../app/services/setup_file.py" line="146"/>
        <source>This setup file is from a newer version of the app</source>
        <translation>Ce fichier de configuration provient d’une version plus récente de l’application</translation>
    </message>
    <message>
        <location filename="../../app/services/setup_file.py" line="147"/>
        <source>Update the app on this computer, then import it.</source>
        <translation>Mettez à jour l’application sur cet ordinateur, puis importez-le.</translation>
    </message>
    <message>
        <location filename="../../app/services/setup_file.py" line="186"/>
        <source>The setup file couldn&apos;t be read</source>
        <translation>Impossible de lire le fichier de configuration</translation>
    </message>
    <message>
        <location filename="../../app/services/setup_file.py" line="187"/>
        <source>Check the file&apos;s name and that you may open it.</source>
        <translation>Vérifiez le nom du fichier et que vous avez le droit de l’ouvrir.</translation>
    </message>
    <message>
        <location filename="../../app/services/setup_file.py" line="203"/>
        <source>The setup file couldn&apos;t be saved</source>
        <translation>Impossible d’enregistrer le fichier de configuration</translation>
    </message>
    <message>
        <location filename="../../app/services/setup_file.py" line="204"/>
        <source>Choose a folder you may write to, then export again.</source>
        <translation>Choisissez un dossier où vous pouvez écrire, puis exportez de nouveau.</translation>
    </message>
    <message>
        <location filename="../../app/services/contact_log.py" line="60"/>
        <source>The contact attempt was not saved</source>
        <translation>La tentative de contact n’a pas été enregistrée</translation>
    </message>
    <message>
        <location filename="../../app/services/contact_log.py" line="61"/>
        <source>Another desk was changing this kit at the same time. Try again.</source>
        <translation>Un autre poste modifiait cette trousse au même moment. Réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/services/spreadsheets.py" line="31"/>
        <source>This file can&apos;t be read as a patient list</source>
        <translation>Ce fichier ne peut pas être lu comme une liste de patients</translation>
    </message>
    <message>
        <location filename="../../app/services/spreadsheets.py" line="32"/>
        <source>Save it from Excel as CSV or Excel Workbook (.xlsx), with the column names in the first row, and try again.</source>
        <translation>Enregistrez-le depuis Excel en CSV ou en classeur Excel (.xlsx), avec les noms de colonnes sur la première ligne, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/services/spreadsheets.py" line="59"/>
        <source>Can&apos;t open this file</source>
        <translation>Impossible d’ouvrir ce fichier</translation>
    </message>
    <message>
        <location filename="../../app/services/spreadsheets.py" line="60"/>
        <source>Check that it exists and is not open in another program.</source>
        <translation>Vérifiez qu’il existe et qu’il n’est pas ouvert dans un autre programme.</translation>
    </message>
    <message>
        <location filename="../../app/services/spreadsheets.py" line="123"/>
        <source>The first row has no column names</source>
        <translation>La première ligne ne contient pas de noms de colonnes</translation>
    </message>
    <message>
        <location filename="../../app/services/spreadsheets.py" line="124"/>
        <source>Put the column names (First Name, Last Name, …) in row 1.</source>
        <translation>Mettez les noms de colonnes (Prénom, Nom, …) sur la ligne 1.</translation>
    </message>
    <message>
        <location filename="../../app/services/spreadsheets.py" line="135"/>
        <source>This file is empty</source>
        <translation>Ce fichier est vide</translation>
    </message>
    <message>
        <location filename="../../app/services/spreadsheets.py" line="136"/>
        <source>Choose the file that holds the patient list.</source>
        <translation>Choisissez le fichier qui contient la liste de patients.</translation>
    </message>
    <message>
        <location filename="../../app/services/accounts.py" line="57"/>
        <source>This token already has its own orders and drafts on this computer</source>
        <translation>Ce jeton a déjà ses propres commandes et brouillons sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../app/services/accounts.py" line="60"/>
        <source>The queued orders stay with the previous token and are not sent with this one. Sign in with the previous token to send them, or discard them in the Outbox window.</source>
        <translation>Les commandes en attente restent avec le jeton précédent et ne sont pas envoyées avec celui-ci. Connectez-vous avec le jeton précédent pour les envoyer, ou supprimez-les dans la fenêtre Boîte d’envoi.</translation>
    </message>
    <message>
        <location filename="../../app/services/accounts.py" line="68"/>
        <source>This token belongs to a different Spot account</source>
        <translation>Ce jeton appartient à un autre compte Spot</translation>
    </message>
    <message>
        <location filename="../../app/services/accounts.py" line="69"/>
        <source>Orders queued for the other account stay queued and are never sent with this token. An administrator can switch accounts from Settings.</source>
        <translation>Les commandes en attente de l’autre compte restent en attente et ne sont jamais envoyées avec ce jeton. Un administrateur peut changer de compte dans les Paramètres.</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="130"/>
        <source>That profile can&apos;t be saved</source>
        <translation>Ce profil ne peut pas être enregistré</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="131"/>
        <source>Correct it and try again.</source>
        <translation>Corrigez-le et réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="135"/>
        <source>Only an administrator can do that</source>
        <translation>Seul un administrateur peut faire cela</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="136"/>
        <source>Ask an administrator at your clinic to sign in and do it.</source>
        <translation>Demandez à un administrateur de votre clinique de se connecter pour le faire.</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="205"/>
        <source>A PIN is 4 to 12 digits</source>
        <translation>Un NIP compte de 4 à 12 chiffres</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="208"/>
        <source>That PIN is too easy to guess</source>
        <translation>Ce NIP est trop facile à deviner</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="209"/>
        <source>Avoid repeated digits and runs like 1234.</source>
        <translation>Évitez les chiffres répétés et les suites comme 1234.</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="214"/>
        <source>A passphrase needs at least 8 characters</source>
        <translation>Une phrase de passe compte au moins 8 caractères</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="217"/>
        <source>That passphrase can&apos;t be used</source>
        <translation>Cette phrase de passe ne peut pas être utilisée</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="497"/>
        <source>The sandbox&apos;s built-in profiles can&apos;t be changed</source>
        <translation>Les profils intégrés du bac à sable ne peuvent pas être modifiés</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="505"/>
        <source>That profile no longer exists</source>
        <translation>Ce profil n’existe plus</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="540"/>
        <source>Someone here already uses those initials</source>
        <translation>Quelqu’un ici utilise déjà ces initiales</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="541"/>
        <source>Initials show as “ordered by”: add a letter to tell people apart.</source>
        <translation>Les initiales s’affichent comme «&#xa0;commandé par&#xa0;»&#xa0;: ajoutez une lettre pour distinguer les personnes.</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="554"/>
        <source>The last administrator can&apos;t be removed</source>
        <translation>Le dernier administrateur ne peut pas être retiré</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="555"/>
        <source>Make someone else an administrator first.</source>
        <translation>Nommez d’abord quelqu’un d’autre administrateur.</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="567"/>
        <source>Enter a name (up to 80 characters)</source>
        <translation>Entrez un nom (80 caractères au plus)</translation>
    </message>
    <message>
        <location filename="../../app/services/staff.py" line="574"/>
        <source>Initials are 1 to 4 letters</source>
        <translation>Les initiales comptent de 1 à 4 lettres</translation>
    </message>
    <message>
        <location filename="../../app/services/inbox.py" line="140"/>
        <source>Only clinicians and administrators sign off</source>
        <translation>Seuls les cliniciens et les administrateurs signent</translation>
    </message>
    <message>
        <location filename="../../app/services/inbox.py" line="141"/>
        <source>Mark the report for a clinician instead; it moves to the top of their inbox.</source>
        <translation>Marquez plutôt le rapport « pour un clinicien »; il passe en tête de sa boîte de résultats.</translation>
    </message>
    <message>
        <location filename="../../app/services/inbox.py" line="147"/>
        <source>The sign-off could not be confirmed in Spot</source>
        <translation>La signature n’a pas pu être confirmée dans Spot</translation>
    </message>
    <message>
        <location filename="../../app/services/inbox.py" line="148"/>
        <source>Other desks were writing to this kit at the same time. Try again.</source>
        <translation>D’autres postes écrivaient sur cette trousse au même moment. Réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/services/inbox.py" line="154"/>
        <source>This kit&apos;s Spot metadata can&apos;t hold a sign-off</source>
        <translation>Les métadonnées Spot de cette trousse ne peuvent pas recevoir de signature</translation>
    </message>
    <message>
        <location filename="../../app/services/inbox.py" line="155"/>
        <source>Its review entry was written by another tool in another shape. Ask Spot support or your administrator; nothing was changed.</source>
        <translation>Son entrée de révision a été écrite par un autre outil sous une autre forme. Adressez-vous au soutien de Spot ou à votre administrateur; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../app/services/inbox.py" line="401"/>
        <source>This report is no longer in Spot</source>
        <extracomment>1 if the cache could not be opened with ``key`` (lost key) and started afresh.</extracomment>
        <translation>Ce rapport n’est plus dans Spot</translation>
    </message>
    <message>
        <location filename="../../app/services/inbox.py" line="402"/>
        <source>Refresh; the lab may have withdrawn or replaced it.</source>
        <translation>Actualisez; le laboratoire l’a peut-être retiré ou remplacé.</translation>
    </message>
    <message>
        <location filename="../../app/services/inbox.py" line="465"/>
        <source>Only administrators sign off the backlog</source>
        <translation>Seuls les administrateurs signent l’arriéré</translation>
    </message>
    <message>
        <location filename="../../app/services/inbox.py" line="494"/>
        <source>A sign-off needs a name</source>
        <translation>Une signature exige un nom</translation>
    </message>
    <message>
        <location filename="../../app/services/inbox.py" line="495"/>
        <source>Type your name or initials in “Signing as”.</source>
        <translation>Inscrivez votre nom ou vos initiales dans « Signature de ».</translation>
    </message>
    <message>
        <location filename="../../app/services/data_key.py" line="53"/>
        <source>This computer&apos;s password store isn&apos;t available, so nothing is saved to disk</source>
        <translation>Le trousseau de mots de passe de cet ordinateur n&apos;est pas disponible : rien n&apos;est enregistré sur le disque</translation>
    </message>
    <message>
        <location filename="../../app/services/data_key.py" line="56"/>
        <source>The order list, drafts, orders waiting to be sent, opened reports and this session&apos;s audit records are kept in memory until you quit; the list is fetched again next time. Ask IT to set up the password store to keep them.</source>
        <translation>La liste des commandes, les brouillons, les commandes en attente d&apos;envoi, les rapports ouverts et les entrées de la piste d’audit de cette session restent en mémoire jusqu&apos;à la fermeture; la liste sera récupérée de nouveau la prochaine fois. Demandez au service informatique de configurer le trousseau pour les conserver.</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/codes.py" line="20"/>
        <source>A Code 128 barcode needs printable ASCII text.</source>
        <translation>Un code-barres Code 128 ne peut contenir que des caractères ASCII imprimables.</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/jobs.py" line="88"/>
        <source>Choose the larger label size in Settings → Printing.</source>
        <translation>Choisissez le grand format d’étiquette dans Paramètres → Impression.</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/jobs.py" line="94"/>
        <source>No label printer is set up</source>
        <translation>Aucune imprimante d’étiquettes n’est configurée</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/jobs.py" line="95"/>
        <source>Choose one in Settings → Printing, or print the labels on a sheet.</source>
        <translation>Choisissez-en une dans Paramètres → Impression, ou imprimez les étiquettes sur une planche.</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/labels.py" line="148"/>
        <source>Label printers print at %1 or %2 dpi.</source>
        <translation>Les imprimantes d’étiquettes impriment à %1 ou %2 ppp.</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/labels.py" line="164"/>
        <source>The barcode %1 is too long for a %2 in label.</source>
        <translation>Le code-barres %1 est trop long pour une étiquette de %2 po.</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="37"/>
        <source>Check that the printer is on, has labels, and is connected, then try again.</source>
        <translation>Vérifiez que l’imprimante est allumée, qu’elle a des étiquettes et qu’elle est branchée, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="40"/>
        <source>Correct it in Settings → Printing.</source>
        <translation>Corrigez-la dans Paramètres → Impression.</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="84"/>
        <source>the label printer at %1</source>
        <translation>l’imprimante d’étiquettes à l’adresse %1</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="96"/>
        <source>The label printer at %1 refused the connection</source>
        <translation>L’imprimante d’étiquettes à l’adresse %1 a refusé la connexion</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="99"/>
        <source>The label printer at %1 did not answer within %2 seconds</source>
        <translation>L’imprimante d’étiquettes à l’adresse %1 n’a pas répondu en %2 secondes</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="104"/>
        <source>No printer named %1 was found on the network</source>
        <translation>Aucune imprimante nommée %1 n’a été trouvée sur le réseau</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="106"/>
        <source>Check the address in Settings → Printing.</source>
        <translation>Vérifiez l’adresse dans Paramètres → Impression.</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="110"/>
        <source>The label could not be sent to %1 (%2)</source>
        <translation>L’étiquette n’a pas pu être envoyée à %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="131"/>
        <location filename="../../app/services/printing/raw_printer.py" line="202"/>
        <source>the printer %1</source>
        <translation>l’imprimante %1</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="141"/>
        <source>Printing to an installed printer needs CUPS (the &apos;lp&apos; command), which is not installed</source>
        <translation>Imprimer sur une imprimante installée demande CUPS (la commande «&#xa0;lp&#xa0;»), qui n’est pas installé</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="146"/>
        <source>Use the printer&apos;s network address in Settings → Printing instead.</source>
        <translation>Utilisez plutôt l’adresse réseau de l’imprimante dans Paramètres → Impression.</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="152"/>
        <source>The print system did not take the label for %1 within %2 seconds</source>
        <translation>Le système d’impression n’a pas pris l’étiquette pour %1 en %2 secondes</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="155"/>
        <source>Try again.</source>
        <translation>Réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="159"/>
        <source>The print system could not be started (%1)</source>
        <translation>Le système d’impression n’a pas pu être lancé (%1)</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="165"/>
        <source>The printer %1 did not take the label (lp exit code %2)</source>
        <translation>L’imprimante %1 n’a pas pris l’étiquette (code de sortie de lp&#xa0;: %2)</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="212"/>
        <location filename="../../app/services/printing/raw_printer.py" line="247"/>
        <source>Windows could not send the label to %1 (%2)</source>
        <translation>Windows n’a pas pu envoyer l’étiquette à %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="218"/>
        <source>Check that the printer is on and its queue is not paused, then try again.</source>
        <translation>Vérifiez que l’imprimante est allumée et que sa file d’attente n’est pas en pause, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="227"/>
        <source>No printer named %1 is installed on this computer</source>
        <translation>Aucune imprimante nommée %1 n’est installée sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="229"/>
        <location filename="../../app/services/printing/raw_printer.py" line="260"/>
        <source>Choose the label printer again in Settings → Printing.</source>
        <translation>Choisissez de nouveau l’imprimante d’étiquettes dans Paramètres → Impression.</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="233"/>
        <source>Windows does not let this account print to %1</source>
        <translation>Windows ne permet pas à ce compte d’imprimer sur %1</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="235"/>
        <source>Ask IT to allow printing to it for this Windows user.</source>
        <translation>Demandez au service informatique d’autoriser l’impression pour cet utilisateur Windows.</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="239"/>
        <source>The printer %1 does not accept raw labels</source>
        <translation>L’imprimante %1 n’accepte pas les étiquettes brutes (RAW)</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="240"/>
        <source>Install it with the Zebra (ZDesigner) driver or the &quot;Generic / Text Only&quot; driver, or use its network address in Settings → Printing.</source>
        <translation>Installez-la avec le pilote Zebra (ZDesigner) ou le pilote «&#xa0;Generic / Text Only&#xa0;», ou utilisez son adresse réseau dans Paramètres → Impression.</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="259"/>
        <source>The Windows print spooler is only available on Windows</source>
        <translation>Le spouleur d’impression Windows n’existe que sous Windows</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/winspool.py" line="94"/>
        <source>the spooler took only part of the label</source>
        <translation>le spouleur n’a pris qu’une partie de l’étiquette</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="276"/>
        <location filename="../../app/views/printing/settings_page.py" line="71"/>
        <source>No label printer is chosen</source>
        <translation>Aucune imprimante d’étiquettes n’est choisie</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/raw_printer.py" line="277"/>
        <source>Choose the label printer in Settings → Printing.</source>
        <translation>Choisissez l’imprimante d’étiquettes dans Paramètres → Impression.</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/settings.py" line="155"/>
        <source>Enter a web address that starts with https:// (for example https://clinic.example/kits).</source>
        <translation>Entrez une adresse Web qui commence par https:// (par exemple https://clinique.example/trousses).</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/settings.py" line="161"/>
        <source>The web address must not contain a user name or password.</source>
        <translation>L’adresse Web ne doit contenir ni nom d’utilisateur ni mot de passe.</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/settings.py" line="171"/>
        <source>Enter the label printer&apos;s network address, for example 10.0.0.25:9100.</source>
        <translation>Entrez l’adresse réseau de l’imprimante d’étiquettes, par exemple 10.0.0.25:9100.</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/settings.py" line="177"/>
        <source>The address %1 has a &apos;[&apos; without a closing &apos;]&apos;.</source>
        <translation>L’adresse %1 a un «&#xa0;[&#xa0;» sans «&#xa0;]&#xa0;» fermant.</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/settings.py" line="181"/>
        <source>The address %1 is not host:port.</source>
        <translation>L’adresse %1 n’est pas de la forme hôte:port.</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/settings.py" line="187"/>
        <source>The address %1 has no printer name or IP address.</source>
        <translation>L’adresse %1 n’a ni nom d’imprimante ni adresse IP.</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/settings.py" line="192"/>
        <source>The port in %1 must be a number from 1 to 65535 (usually 9100).</source>
        <translation>Le port dans %1 doit être un nombre de 1 à 65535 (habituellement 9100).</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="72"/>
        <source>Choose a label printer first.</source>
        <translation>Choisissez d’abord une imprimante d’étiquettes.</translation>
    </message>
</context>
<context>
    <name>FieldMessage</name>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="119"/>
        <source>Ship anyway</source>
        <translation>Expédier quand même</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="147"/>
        <source>Problem: %1</source>
        <translation>Problème&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>FindKitBar</name>
    <message>
        <location filename="../../app/views/orders/find_kit.py" line="59"/>
        <source>Find &amp;kit:</source>
        <translation>Trouver une tr&amp;ousse&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/find_kit.py" line="63"/>
        <source>Scan or type a kit ID, e.g. SPOT123456</source>
        <translation>Balayez ou tapez l’ID, p. ex. SPOT123456</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/find_kit.py" line="65"/>
        <source>Kit ID</source>
        <translation>ID de trousse</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/find_kit.py" line="68"/>
        <source>Find</source>
        <translation>Trouver</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/find_kit.py" line="97"/>
        <source>“%1” doesn&apos;t look like a kit ID (letters and digits, like SPOT123456).</source>
        <translation>«&#xa0;%1&#xa0;» ne ressemble pas à un ID de trousse (lettres et chiffres, comme SPOT123456).</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/find_kit.py" line="104"/>
        <source>Looking up kit %1…</source>
        <translation>Recherche de la trousse %1…</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/find_kit.py" line="124"/>
        <source>Kit %1 is in order %2.</source>
        <translation>La trousse %1 fait partie de la commande %2.</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/find_kit.py" line="134"/>
        <source>No kit with ID %1 on this account.</source>
        <translation>Aucune trousse portant l’ID %1 dans ce compte.</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/find_kit.py" line="136"/>
        <source>Kit %1 exists but isn&apos;t part of an order on this account.</source>
        <translation>La trousse %1 existe, mais ne fait partie d’aucune commande de ce compte.</translation>
    </message>
</context>
<context>
    <name>HandoutPreviewDialog</name>
    <message>
        <location filename="../../app/views/printing/preview.py" line="200"/>
        <source>Patient hand-out</source>
        <translation>Feuillet pour le patient</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="216"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="218"/>
        <source>P&amp;aper:</source>
        <translation>P&amp;apier&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="245"/>
        <source>Tip: add the clinic&apos;s name and phone in Settings → Clinic, and its logo and web page in Settings → Printing; the web page becomes the QR code on the hand-out.</source>
        <translation>Conseil&#xa0;: ajoutez le nom et le téléphone de la clinique dans Paramètres → Clinique, et son logo et sa page Web dans Paramètres → Impression&#xa0;; la page Web devient le code QR du feuillet.</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../app/services/import_mapping.py" line="28"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../app/services/import_mapping.py" line="29"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../app/services/import_mapping.py" line="30"/>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../../app/services/import_mapping.py" line="31"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../app/services/import_mapping.py" line="32"/>
        <source>Address line 1</source>
        <translation>Adresse, ligne 1</translation>
    </message>
    <message>
        <location filename="../../app/services/import_mapping.py" line="33"/>
        <source>Address line 2</source>
        <translation>Adresse, ligne 2</translation>
    </message>
    <message>
        <location filename="../../app/services/import_mapping.py" line="34"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../app/services/import_mapping.py" line="35"/>
        <source>State or province</source>
        <translation>État ou province</translation>
    </message>
    <message>
        <location filename="../../app/services/import_mapping.py" line="36"/>
        <source>ZIP or postal code</source>
        <translation>Code ZIP ou code postal</translation>
    </message>
    <message>
        <location filename="../../app/services/import_mapping.py" line="37"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../app/services/import_mapping.py" line="38"/>
        <source>Kit type</source>
        <translation>Type de trousse</translation>
    </message>
    <message>
        <location filename="../../app/services/import_mapping.py" line="39"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../app/services/order_import.py" line="132"/>
        <source>ZIP code {was} had lost its leading zero; it was read as {zip}: check it</source>
        <translation>Le code ZIP {was} avait perdu son zéro initial; il a été lu comme {zip}&#xa0;: vérifiez-le</translation>
    </message>
    <message>
        <location filename="../../app/services/order_import.py" line="231"/>
        <source>Language {value} is not English or French; letters will be in English</source>
        <translation>La langue {value} n’est ni l’anglais ni le français; les lettres seront en anglais</translation>
    </message>
    <message>
        <location filename="../../app/services/order_import.py" line="245"/>
        <source>Choose the kit type</source>
        <translation>Choisissez le type de trousse</translation>
    </message>
    <message>
        <location filename="../../app/services/order_import.py" line="255"/>
        <source>Kit type {value} is not one Spot offers</source>
        <translation>Spot n’offre pas le type de trousse {value}</translation>
    </message>
    <message>
        <location filename="../../app/services/order_import.py" line="319"/>
        <source>Looks like order {order} placed {date} for the same person</source>
        <translation>Semble être la commande {order} passée le {date} pour la même personne</translation>
    </message>
    <message>
        <location filename="../../app/services/order_import.py" line="335"/>
        <source>Same person and kit as row {row}</source>
        <translation>Même personne et même trousse qu’à la ligne {row}</translation>
    </message>
    <message>
        <location filename="../../app/services/order_import.py" line="454"/>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <location filename="../../app/services/order_import.py" line="455"/>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="89"/>
        <source>Import orders – {file}</source>
        <translation>Importer des commandes – {file}</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="101"/>
        <source>Reading {file}…</source>
        <translation>Lecture de {file}…</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="118"/>
        <source>Check which column holds what. Columns set to “Not used” are ignored.</source>
        <translation>Vérifiez ce que contient chaque colonne. Les colonnes «&#xa0;Non utilisée&#xa0;» sont ignorées.</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="122"/>
        <source>Column in the file</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="122"/>
        <source>First value</source>
        <translation>Première valeur</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="122"/>
        <source>Use as</source>
        <translation>Utiliser comme</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="128"/>
        <source>&amp;Kit type for rows without one:</source>
        <translation>&amp;Type de trousse pour les lignes qui n’en ont pas&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="131"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="140"/>
        <source>&amp;Check all rows</source>
        <translation>&amp;Vérifier toutes les lignes</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="158"/>
        <source>Not used</source>
        <translation>Non utilisée</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="168"/>
        <source>{rows} rows in {file}. Step 1 of 3: columns.</source>
        <translation>{rows} lignes dans {file}. Étape 1 de 3&#xa0;: colonnes.</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="185"/>
        <source>Checking {rows} rows…</source>
        <translation>Vérification de {rows} lignes…</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="225"/>
        <source>&amp;Accept for this row</source>
        <translation>&amp;Accepter pour cette ligne</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="228"/>
        <source>Accept for &amp;every row like it</source>
        <translation>Accepter pour &amp;toutes les lignes semblables</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="231"/>
        <source>&amp;Export rows with problems…</source>
        <translation>&amp;Exporter les lignes à problèmes…</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="267"/>
        <source>All ({n})</source>
        <translation>Toutes ({n})</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="267"/>
        <source>Errors ({n})</source>
        <translation>Erreurs ({n})</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="268"/>
        <source>Warnings ({n})</source>
        <translation>Avertissements ({n})</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="269"/>
        <source>Duplicates ({n})</source>
        <translation>Doublons ({n})</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="269"/>
        <source>Ready ({n})</source>
        <translation>Prêtes ({n})</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/outreach/import_dialog.py" line="274"/>
        <source>&amp;Send %n order(s)…</source>
        <translation>
            <numerusform>En&amp;voyer %n commande…</numerusform>
            <numerusform>En&amp;voyer %n commandes…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="278"/>
        <source>Step 2 of 3: fix rows in place (double-click a cell), accept warnings, or export the rows with problems. Only ready rows are sent.</source>
        <translation>Étape 2 de 3&#xa0;: corrigez les lignes sur place (double-clic sur une cellule), acceptez les avertissements ou exportez les lignes à problèmes. Seules les lignes prêtes sont envoyées.</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="320"/>
        <source>Export rows with problems</source>
        <translation>Exporter les lignes à problèmes</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="320"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="323"/>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="324"/>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="336"/>
        <source>{n} rows with problems written to {file}.</source>
        <translation>{n} lignes à problèmes écrites dans {file}.</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="356"/>
        <location filename="../../app/views/outreach/import_dialog.py" line="412"/>
        <location filename="../../app/views/outreach/import_dialog.py" line="447"/>
        <location filename="../../app/views/outreach/import_dialog.py" line="458"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="359"/>
        <source>&amp;Cancel the rest</source>
        <translation>&amp;Annuler le reste</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="362"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/outreach/import_dialog.py" line="375"/>
        <source>Send %n order(s) through {where}?</source>
        <translation>
            <numerusform>Envoyer %n commande dans {where}&#xa0;?</numerusform>
            <numerusform>Envoyer %n commandes dans {where}&#xa0;?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/outreach/import_dialog.py" line="378"/>
        <source>%n row(s) with problems will not be sent.</source>
        <translation>
            <numerusform>%n ligne à problèmes ne sera pas envoyée.</numerusform>
            <numerusform>%n lignes à problèmes ne seront pas envoyées.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="379"/>
        <source>Send orders</source>
        <translation>Envoyer les commandes</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="392"/>
        <source>Sign in first, then send.</source>
        <translation>Connectez-vous d’abord, puis envoyez.</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="398"/>
        <source>Step 3 of 3: sending, at most {rate:g} orders a second. You can close this window: the orders keep going, and a closed app resumes them at the next start.</source>
        <translation>Étape 3 de 3&#xa0;: envoi, au plus {rate:g} commandes par seconde. Vous pouvez fermer cette fenêtre&#xa0;: l’envoi continue, et si l’application est fermée, il reprend au prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="426"/>
        <source>Sent {sent} · waiting {waiting} · needing attention {attention}</source>
        <translation>Envoyées {sent} · en attente {waiting} · à vérifier {attention}</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="429"/>
        <source>Canceled: {n} orders were not sent.</source>
        <translation>Annulé&#xa0;: {n} commandes n’ont pas été envoyées.</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="432"/>
        <source>Paused.</source>
        <translation>En pause.</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="435"/>
        <source>Orders needing attention wait in the outbox (counted in the status bar).</source>
        <translation>Les commandes à vérifier attendent dans la boîte d’envoi (comptées dans la barre d’état).</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/import_dialog.py" line="449"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
</context>
<context>
    <name>ImportRowsModel</name>
    <message>
        <location filename="../../app/views/outreach/preview_model.py" line="75"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/preview_model.py" line="75"/>
        <source>Duplicate</source>
        <translation>Doublon</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/preview_model.py" line="76"/>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/preview_model.py" line="76"/>
        <source>Ready</source>
        <translation>Prête</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/preview_model.py" line="103"/>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/preview_model.py" line="105"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/preview_model.py" line="107"/>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
</context>
<context>
    <name>InboxSettingsBox</name>
    <message>
        <location filename="../../app/views/inbox/settings_box.py" line="70"/>
        <source>Results inbox</source>
        <translation>Boîte de résultats</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/settings_box.py" line="79"/>
        <source>&amp;Go-live date (older reports count as handled):</source>
        <translation>Date de mise en &amp;service (les rapports antérieurs comptent comme traités) :</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/settings_box.py" line="83"/>
        <source>Biomarker (as on the report)</source>
        <translation>Biomarqueur (comme sur le rapport)</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/settings_box.py" line="83"/>
        <source>Critical below</source>
        <translation>Critique sous</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/settings_box.py" line="84"/>
        <source>Critical above</source>
        <translation>Critique au-dessus de</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/settings_box.py" line="99"/>
        <source>Critical limits:</source>
        <translation>Limites critiques :</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/settings_box.py" line="100"/>
        <source>None are built in. A result outside a limit is flagged Critical and comes first in the inbox.</source>
        <translation>Aucune n’est prédéfinie. Un résultat hors d’une limite est marqué Critique et passe en tête de la boîte de résultats.</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/settings_box.py" line="103"/>
        <source>These limits and the go-live date are kept on this workstation. To give every desk of the clinic the same, export the clinic setup (File → Export clinic setup…) and import it on the other desks.</source>
        <translation>Ces limites et la date de mise en service sont gardées sur ce poste. Pour que tous les postes de la clinique aient les mêmes, exportez la configuration de la clinique (Fichier → Exporter la configuration de la clinique…) et importez-la sur les autres postes.</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/settings_box.py" line="119"/>
        <source>Administrators change these</source>
        <translation>Seuls les administrateurs modifient ces réglages</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/settings_box.py" line="133"/>
        <source>Not a number, so not saved: %1</source>
        <translation>Pas un nombre, donc non enregistré : %1</translation>
    </message>
</context>
<context>
    <name>InboxTab</name>
    <message>
        <location filename="../../app/views/shell/inbox_tab.py" line="220"/>
        <source>Results inbox</source>
        <translation>Boîte de résultats</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/inbox_tab.py" line="227"/>
        <source>Inbox: %1</source>
        <translation>Résultats à signer : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/shell/inbox_tab.py" line="229"/>
        <location filename="../../app/views/shell/inbox_tab.py" line="245"/>
        <source>%n critical</source>
        <translation>
            <numerusform>%n critique</numerusform>
            <numerusform>%n critiques</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/shell/inbox_tab.py" line="242"/>
        <source>%n new result(s)</source>
        <translation>
            <numerusform>%n nouveau résultat</numerusform>
            <numerusform>%n nouveaux résultats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/shell/inbox_tab.py" line="265"/>
        <source>(%n critical) </source>
        <translation>
            <numerusform>(%n critique) </numerusform>
            <numerusform>(%n critiques) </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <location filename="../../app/views/inbox/model.py" line="31"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/model.py" line="32"/>
        <source>Flags</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/model.py" line="33"/>
        <location filename="../../app/views/inbox/view.py" line="108"/>
        <source>Kit type</source>
        <translation>Type de trousse</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/model.py" line="34"/>
        <source>Collected</source>
        <translation>Prélevé</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/model.py" line="35"/>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/model.py" line="36"/>
        <source>Report date</source>
        <translation>Date du rapport</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/model.py" line="40"/>
        <source>All flags</source>
        <translation>Tous les indicateurs</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/model.py" line="41"/>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/model.py" line="42"/>
        <location filename="../../app/views/inbox/model.py" line="62"/>
        <source>Amended</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/model.py" line="43"/>
        <source>Out of range</source>
        <translation>Hors normes</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/model.py" line="44"/>
        <location filename="../../app/views/inbox/model.py" line="68"/>
        <source>Partial</source>
        <translation>Partiel</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/model.py" line="45"/>
        <location filename="../../app/views/inbox/model.py" line="58"/>
        <source>For a clinician</source>
        <translation>Pour un clinicien</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/model.py" line="60"/>
        <source>Critical %1</source>
        <translation>Critique %1</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/model.py" line="65"/>
        <source>Out of range %1</source>
        <translation>Hors normes %1</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/view.py" line="45"/>
        <source>Front desk</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/view.py" line="46"/>
        <source>Clinician</source>
        <translation>Clinicien</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/view.py" line="47"/>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/view.py" line="88"/>
        <location filename="../../app/views/inbox/view.py" line="92"/>
        <source>Signing as</source>
        <translation>Signature de</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/view.py" line="91"/>
        <source>Your name or initials</source>
        <translation>Votre nom ou vos initiales</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/view.py" line="95"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/view.py" line="103"/>
        <source>Flag</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/view.py" line="109"/>
        <location filename="../../app/views/inbox/view.py" line="234"/>
        <source>All kit types</source>
        <translation>Tous les types de trousse</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/view.py" line="110"/>
        <source>Any report date</source>
        <translation>Toute date de rapport</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/view.py" line="113"/>
        <source>Reported since</source>
        <translation>Rapport depuis le</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/view.py" line="117"/>
        <source>Sign off the backlog…</source>
        <translation>Signer l’arriéré…</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/view.py" line="119"/>
        <source>Administrators: sign off every report shown</source>
        <translation>Administrateurs : signer tous les rapports affichés</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/view.py" line="137"/>
        <source>Results inbox</source>
        <translation>Boîte de résultats</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/view.py" line="307"/>
        <source>Only clinicians and administrators sign off. Use “For a clinician” to pass it on.</source>
        <translation>Seuls les cliniciens et les administrateurs signent. Utilisez « Pour un clinicien » pour le transmettre.</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/view.py" line="311"/>
        <source>Type your name in “Signing as” first.</source>
        <translation>Inscrivez d’abord votre nom dans « Signature de ».</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/view.py" line="317"/>
        <source>Signed off</source>
        <translation>Signé</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/view.py" line="343"/>
        <source>Marked for a clinician</source>
        <translation>Marqué pour un clinicien</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/view.py" line="351"/>
        <source>Sign off the backlog</source>
        <translation>Signer l’arriéré</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/inbox/view.py" line="352"/>
        <source>Sign off %n report(s) for the whole clinic?</source>
        <translation>
            <numerusform>Signer %n rapport pour toute la clinique?</numerusform>
            <numerusform>Signer %n rapports pour toute la clinique?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/view.py" line="355"/>
        <source>They leave every desk&apos;s inbox. The bulk sign-off is recorded in the audit trail.</source>
        <translation>Ils quittent la boîte de résultats de tous les postes. La signature groupée est consignée dans la piste de vérification.</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/view.py" line="357"/>
        <source>Sign off all</source>
        <translation>Tout signer</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/inbox/view.py" line="367"/>
        <source>%n report(s) signed off</source>
        <translation>
            <numerusform>%n rapport signé</numerusform>
            <numerusform>%n rapports signés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KitBox</name>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="160"/>
        <source>Kit %1</source>
        <translation>Trousse %1</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="167"/>
        <source>Kit type: %1</source>
        <translation>Type de trousse&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="169"/>
        <source>Kit journey</source>
        <translation>Parcours de la trousse</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="177"/>
        <source>Sample %1</source>
        <translation>Échantillon %1</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="177"/>
        <source>(no id)</source>
        <translation>(sans ID)</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="182"/>
        <source>Panels: %1</source>
        <translation>Profils&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="192"/>
        <source>Sample journey</source>
        <translation>Parcours de l’échantillon</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="207"/>
        <source>Unknown carrier</source>
        <translation>Transporteur inconnu</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="215"/>
        <source>(no tracking number)</source>
        <translation>(aucun numéro de suivi)</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="219"/>
        <source>shipped %1</source>
        <translation>expédié le %1</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="227"/>
        <source>To the patient:</source>
        <translation>Au patient&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="229"/>
        <source>not shipped yet</source>
        <translation>pas encore expédié</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="240"/>
        <source>Back to the lab:</source>
        <translation>Retour au labo&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="242"/>
        <source>no return shipment yet</source>
        <translation>aucun envoi de retour pour l’instant</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="245"/>
        <source>then</source>
        <translation>puis</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="258"/>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="263"/>
        <source>Registered to %1</source>
        <translation>Enregistrée au nom de %1</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="269"/>
        <source>Not registered to a patient yet.</source>
        <translation>Pas encore enregistrée au nom d’un patient.</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="273"/>
        <source>&amp;Register kit…</source>
        <translation>&amp;Enregistrer la trousse…</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="285"/>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="299"/>
        <source>Amended</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="303"/>
        <source>Open &amp;PDF</source>
        <translation>Ouvrir le &amp;PDF</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="303"/>
        <source>Open &amp;TXT</source>
        <translation>Ouvrir le &amp;TXT</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="309"/>
        <source>Spot sent no link for this format.</source>
        <translation>Spot n’a envoyé aucun lien pour ce format.</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="326"/>
        <source>collected %1</source>
        <translation>prélevé %1</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="328"/>
        <source>received %1</source>
        <translation>reçu %1</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="330"/>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="331"/>
        <source>Report, %1</source>
        <translation>Rapport, %1</translation>
    </message>
</context>
<context>
    <name>KitPicker</name>
    <message>
        <location filename="../../app/views/new_order/form.py" line="116"/>
        <source>Add another &amp;kit type</source>
        <translation>Ajouter un autre type de tr&amp;ousse</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="169"/>
        <source>Choose at least one kit type</source>
        <translation>Choisissez au moins un type de trousse</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="209"/>
        <source>Kit type</source>
        <translation>Type de trousse</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="210"/>
        <source>Choose a kit type…</source>
        <translation>Choisissez un type de trousse…</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="215"/>
        <source>Number of kits</source>
        <translation>Nombre de trousses</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="220"/>
        <source>Remove this kit type</source>
        <translation>Retirer ce type de trousse</translation>
    </message>
</context>
<context>
    <name>KitTimeline</name>
    <message>
        <location filename="../../app/views/common/timeline.py" line="64"/>
        <source>Preparing</source>
        <translation>En préparation</translation>
    </message>
    <message>
        <location filename="../../app/views/common/timeline.py" line="65"/>
        <source>Shipped</source>
        <translation>Expédiée</translation>
    </message>
    <message>
        <location filename="../../app/views/common/timeline.py" line="66"/>
        <source>Delivered</source>
        <translation>Livrée</translation>
    </message>
    <message>
        <location filename="../../app/views/common/timeline.py" line="67"/>
        <source>Registered</source>
        <translation>Enregistrée</translation>
    </message>
    <message>
        <location filename="../../app/views/common/timeline.py" line="68"/>
        <location filename="../../app/views/common/timeline.py" line="88"/>
        <source>Delivery exception</source>
        <translation>Problème de livraison</translation>
    </message>
    <message>
        <location filename="../../app/views/common/timeline.py" line="69"/>
        <location filename="../../app/views/common/timeline.py" line="89"/>
        <source>Canceled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../app/views/common/timeline.py" line="80"/>
        <source>Awaiting collection</source>
        <translation>En attente du prélèvement</translation>
    </message>
    <message>
        <location filename="../../app/views/common/timeline.py" line="81"/>
        <source>On its way to the lab</source>
        <translation>En route vers le laboratoire</translation>
    </message>
    <message>
        <location filename="../../app/views/common/timeline.py" line="82"/>
        <source>Delivered to the lab</source>
        <translation>Livré au laboratoire</translation>
    </message>
    <message>
        <location filename="../../app/views/common/timeline.py" line="83"/>
        <source>Received by the lab</source>
        <translation>Reçu par le laboratoire</translation>
    </message>
    <message>
        <location filename="../../app/views/common/timeline.py" line="84"/>
        <source>Extra quality checks</source>
        <translation>Contrôles de qualité supplémentaires</translation>
    </message>
    <message>
        <location filename="../../app/views/common/timeline.py" line="85"/>
        <source>Partially resulted</source>
        <translation>Résultats partiels</translation>
    </message>
    <message>
        <location filename="../../app/views/common/timeline.py" line="86"/>
        <source>Resulted</source>
        <translation>Résultats disponibles</translation>
    </message>
    <message>
        <location filename="../../app/views/common/timeline.py" line="87"/>
        <source>Collection exception</source>
        <translation>Problème de prélèvement</translation>
    </message>
    <message>
        <location filename="../../app/views/common/timeline.py" line="191"/>
        <source>current step</source>
        <translation>étape en cours</translation>
    </message>
    <message>
        <location filename="../../app/views/common/timeline.py" line="193"/>
        <source>done</source>
        <translation>terminée</translation>
    </message>
    <message>
        <location filename="../../app/views/common/timeline.py" line="195"/>
        <source>not reached</source>
        <translation>non atteinte</translation>
    </message>
    <message>
        <location filename="../../app/views/common/timeline.py" line="196"/>
        <source>not yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <location filename="../../app/views/common/timeline.py" line="251"/>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>KitTrackingPanel</name>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="45"/>
        <source>ADx100 blood collection</source>
        <translation>Prélèvement sanguin ADx100</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="46"/>
        <source>ADx100 blood collection (2 tubes)</source>
        <translation>Prélèvement sanguin ADx100 (2 tubes)</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="49"/>
        <source>ADx100 blood collection (4 tubes)</source>
        <translation>Prélèvement sanguin ADx100 (4 tubes)</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="52"/>
        <source>Whatman 903 dried blood spot card</source>
        <translation>Carte de gouttes de sang séché Whatman 903</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="55"/>
        <source>Dry transport swab</source>
        <translation>Écouvillon de transport sec</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="56"/>
        <source>HemaSpot HF blood spot</source>
        <translation>Goutte de sang HemaSpot HF</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="57"/>
        <source>Saliva</source>
        <translation>Salive</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="64"/>
        <source>unknown sample type</source>
        <translation>type d’échantillon inconnu</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="123"/>
        <source>Could not open a web browser</source>
        <translation>Impossible d’ouvrir un navigateur Web</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="124"/>
        <source>This computer did not open the tracking page. Copy the link and paste it into a web browser:</source>
        <translation>Cet ordinateur n’a pas ouvert la page de suivi. Copiez le lien et collez-le dans un navigateur Web :</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="130"/>
        <source>Copy link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <location filename="../../app/views/common/labels.py" line="61"/>
        <source>DOB not given</source>
        <translation>DDN non fournie</translation>
    </message>
    <message>
        <location filename="../../app/views/common/labels.py" line="63"/>
        <location filename="../../app/views/common/labels.py" line="68"/>
        <source>DOB on file (hidden)</source>
        <translation>DDN au dossier (masquée)</translation>
    </message>
    <message>
        <location filename="../../app/views/common/labels.py" line="69"/>
        <source>DOB ••••-••-•• (age %1)</source>
        <translation>DDN ••••-••-•• (%1 ans)</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/kit_box.py" line="107"/>
        <source>Track %1 package %2</source>
        <translation>Suivre le colis %1 %2</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="126"/>
        <source>&amp;Try again</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="135"/>
        <location filename="../../app/views/kit_panel/panel.py" line="152"/>
        <source>Select an order to see its kits.</source>
        <translation>Sélectionnez une commande pour voir ses trousses.</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="159"/>
        <source>Loading order %1…</source>
        <translation>Chargement de la commande %1…</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="221"/>
        <source>Couldn&apos;t refresh this order: %1. %2</source>
        <translation>Impossible d’actualiser cette commande&#xa0;: %1. %2</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="331"/>
        <source>No kits yet: Spot hasn&apos;t fulfilled this order.</source>
        <translation>Aucune trousse pour l’instant&#xa0;: Spot n’a pas encore traité cette commande.</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="333"/>
        <source>This order has no kits.</source>
        <translation>Cette commande ne contient aucune trousse.</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="336"/>
        <source>Ordered: %1</source>
        <translation>Trousses commandées&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="351"/>
        <source>Order %1</source>
        <translation>Commande %1</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="361"/>
        <source>unknown status</source>
        <translation>statut inconnu</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="370"/>
        <source>Placed %1</source>
        <translation>Du %1</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="372"/>
        <source>updated %1</source>
        <translation>màj %1</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="382"/>
        <source>Print &amp;hand-out…</source>
        <translation>Imprimer le &amp;feuillet…</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="383"/>
        <source>A page for the patient: their kit, what happens next, how to collect the sample</source>
        <translation>Une page pour le patient&#xa0;: sa trousse, les prochaines étapes, comment faire le prélèvement</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="385"/>
        <source>&amp;Labels…</source>
        <translation>É&amp;tiquettes…</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="385"/>
        <source>Print order and kit labels</source>
        <translation>Imprimer les étiquettes de la commande et des trousses</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="411"/>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="438"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="439"/>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="440"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="441"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="444"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="458"/>
        <source>Notes for your records</source>
        <translation>Notes pour vos dossiers</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="465"/>
        <source>&amp;Save notes</source>
        <translation>&amp;Enregistrer les notes</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="490"/>
        <source>unknown kit type</source>
        <translation>type de trousse inconnu</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="518"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="543"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <location filename="../../app/views/kit_panel/panel.py" line="555"/>
        <source>Not saved: %1. %2</source>
        <translation>Non enregistré&#xa0;: %1. %2</translation>
    </message>
</context>
<context>
    <name>KitTypesGuide</name>
    <message>
        <location filename="../../app/views/shell/kit_types.py" line="78"/>
        <source>No kit types are set up for this account yet</source>
        <translation>Aucun type de trousse n’est encore configuré pour ce compte</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/kit_types.py" line="79"/>
        <source>Add your kit type IDs in Settings → Kit types. Spot lists them on its dashboard and in your onboarding documents.</source>
        <translation>Ajoutez vos identifiants de types de trousses dans Paramètres → Types de trousses. Spot les indique dans son tableau de bord et dans vos documents d’intégration.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/kit_types.py" line="81"/>
        <source>Add kit types…</source>
        <translation>Ajouter des types de trousses…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/kit_types.py" line="90"/>
        <source>Found the kit types your orders use: {ids}</source>
        <translation>Types de trousses trouvés dans vos commandes&#xa0;: {ids}</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/kit_types.py" line="93"/>
        <source>Give each a name the desk recognises in Settings → Kit types.</source>
        <translation>Donnez à chacun un nom que l’accueil reconnaît dans Paramètres → Types de trousses.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/kit_types.py" line="94"/>
        <source>Name kit types…</source>
        <translation>Nommer les types de trousses…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/kit_types.py" line="105"/>
        <source>No kit types yet</source>
        <translation>Aucun type de trousse</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/kit_types.py" line="106"/>
        <source>Add your account&apos;s kit types in Settings → Kit types before ordering.</source>
        <translation>Ajoutez les types de trousses de votre compte dans Paramètres → Types de trousses avant de commander.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/kit_types.py" line="111"/>
        <source>Spot lists your kit type IDs on its dashboard and in your onboarding documents.</source>
        <translation>Spot indique vos identifiants de types de trousses dans son tableau de bord et dans vos documents d’intégration.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/kit_types.py" line="113"/>
        <source>Open &amp;kit types</source>
        <translation>Ouvrir les &amp;types de trousses</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/kit_types.py" line="133"/>
        <source>Spot doesn&apos;t know a kit type of this order: {ids}</source>
        <translation>Spot ne connaît pas un type de trousse de cette commande&#xa0;: {ids}</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/kit_types.py" line="136"/>
        <source>Check the kit type IDs in Settings → Kit types, then correct the kit type in the order form and send it again.</source>
        <translation>Vérifiez les identifiants dans Paramètres → Types de trousses, puis corrigez le type de trousse dans le formulaire et envoyez de nouveau la commande.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/kit_types.py" line="138"/>
        <source>Open kit types…</source>
        <translation>Ouvrir les types de trousses…</translation>
    </message>
</context>
<context>
    <name>KnownPatientCombo</name>
    <message>
        <location filename="../../app/views/common/patient_fields.py" line="358"/>
        <source>Looking for earlier patients…</source>
        <translation>Recherche des patients précédents…</translation>
    </message>
    <message>
        <location filename="../../app/views/common/patient_fields.py" line="367"/>
        <source>No earlier patients found</source>
        <translation>Aucun patient précédent trouvé</translation>
    </message>
    <message>
        <location filename="../../app/views/common/patient_fields.py" line="369"/>
        <source>Choose a patient…</source>
        <translation>Choisissez un patient…</translation>
    </message>
    <message>
        <location filename="../../app/views/common/patient_fields.py" line="374"/>
        <source>Registered to kit %1</source>
        <translation>Enregistré pour la trousse %1</translation>
    </message>
</context>
<context>
    <name>LabelPrintDialog</name>
    <message>
        <location filename="../../app/views/printing/preview.py" line="300"/>
        <source>Print labels</source>
        <translation>Imprimer des étiquettes</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="316"/>
        <source>Label printer</source>
        <translation>Imprimante d’étiquettes</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="320"/>
        <source>Send to &amp;label printer</source>
        <translation>Envoyer à l’imprimante d’é&amp;tiquettes</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="324"/>
        <source>&amp;Try again</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="332"/>
        <source>Label sheet (any printer)</source>
        <translation>Planche d’étiquettes (toute imprimante)</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="342"/>
        <source>Start at label position</source>
        <translation>Commencer à la position d’étiquette</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="343"/>
        <source>Start at posit&amp;ion:</source>
        <translation>Commencer à la pos&amp;ition&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="360"/>
        <source>&amp;Print sheet…</source>
        <translation>&amp;Imprimer la planche…</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="361"/>
        <source>&amp;Save sheet as PDF…</source>
        <translation>&amp;Enregistrer la planche en PDF…</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="366"/>
        <source>No label printer is set up (Settings → Printing). Use a sheet.</source>
        <translation>Aucune imprimante d’étiquettes n’est configurée (Paramètres → Impression). Utilisez une planche.</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="374"/>
        <source>Sends to %1 (%2 in labels).</source>
        <translation>Envoie à %1 (étiquettes de %2 po).</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="439"/>
        <source>Sending to the label printer…</source>
        <translation>Envoi à l’imprimante d’étiquettes…</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="448"/>
        <source>Trying the label printer again…</source>
        <translation>Nouvel essai avec l’imprimante d’étiquettes…</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="460"/>
        <location filename="../../app/views/printing/preview.py" line="468"/>
        <source>Sent to the label printer.</source>
        <translation>Envoyé à l’imprimante d’étiquettes.</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="481"/>
        <source>%1 label job(s) are kept and will print when you press Try again.</source>
        <translation>%1 travail(s) d’étiquettes sont gardés et s’imprimeront quand vous appuierez sur Réessayer.</translation>
    </message>
</context>
<context>
    <name>LabelSheets</name>
    <message>
        <location filename="../../app/services/printing/sheets.py" line="48"/>
        <source>Avery 5160 (Letter, 30 labels)</source>
        <translation>Avery 5160 (Lettre, 30 étiquettes)</translation>
    </message>
    <message>
        <location filename="../../app/services/printing/sheets.py" line="59"/>
        <source>Avery L7160 (A4, 21 labels)</source>
        <translation>Avery L7160 (A4, 21 étiquettes)</translation>
    </message>
</context>
<context>
    <name>LinkStatus</name>
    <message>
        <location filename="../../app/views/shell/link_status.py" line="54"/>
        <source>● Online</source>
        <translation>● En ligne</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/link_status.py" line="55"/>
        <source>● Offline</source>
        <translation>● Hors ligne</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/link_status.py" line="56"/>
        <source>● Sign-in needed</source>
        <translation>● Connexion requise</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/link_status.py" line="57"/>
        <source>● Spot not answering normally</source>
        <translation>● Spot ne répond pas normalement</translation>
    </message>
</context>
<context>
    <name>LockController</name>
    <message>
        <location filename="../../app/views/staff/lock_controller.py" line="292"/>
        <source>Locked after a while without use. Your work is kept.</source>
        <translation>Verrouillé après un moment d’inactivité. Votre travail est conservé.</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_controller.py" line="293"/>
        <source>Locked. Your work is kept.</source>
        <translation>Verrouillé. Votre travail est conservé.</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_controller.py" line="294"/>
        <source>Locked with the computer. Your work is kept.</source>
        <translation>Verrouillé avec l’ordinateur. Votre travail est conservé.</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_controller.py" line="295"/>
        <source>Signed out.</source>
        <translation>Déconnecté.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="100"/>
        <source>{app} — locked</source>
        <translation>{app} — verrouillé</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="106"/>
        <location filename="../../app/views/staff/lock_screen.py" line="226"/>
        <source>Who&apos;s working?</source>
        <translation>Qui travaille&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="125"/>
        <location filename="../../app/views/staff/lock_screen.py" line="126"/>
        <location filename="../../app/views/staff/lock_screen.py" line="164"/>
        <source>PIN or passphrase</source>
        <translation>NIP ou phrase de passe</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="128"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="140"/>
        <source>&amp;Your name:</source>
        <translation>&amp;Votre nom&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="142"/>
        <source>&amp;PIN:</source>
        <translation>&amp;NIP&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="154"/>
        <source>Administrator&apos;s name</source>
        <translation>Nom de l’administrateur</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="157"/>
        <source>Initials</source>
        <translation>Initiales</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="159"/>
        <source>PIN (4–12 digits)</source>
        <translation>NIP (4 à 12 chiffres)</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="160"/>
        <source>Passphrase (8 characters or more)</source>
        <translation>Phrase de passe (8 caractères ou plus)</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="167"/>
        <source>Type it again</source>
        <translation>Entrez-le de nouveau</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="169"/>
        <source>&amp;Create administrator</source>
        <translation>Créer l’&amp;administrateur</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="177"/>
        <source>First start on this computer: set up the administrator. Only an administrator adds staff, changes the Spot token and changes settings.</source>
        <translation>Premier démarrage sur cet ordinateur&#xa0;: créez l’administrateur. Seul un administrateur ajoute du personnel, change le jeton Spot et modifie les paramètres.</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="182"/>
        <source>&amp;Name:</source>
        <translation>No&amp;m&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="183"/>
        <source>&amp;Initials:</source>
        <translation>&amp;Initiales&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="184"/>
        <source>&amp;Sign in with:</source>
        <translation>&amp;Se connecter avec&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="185"/>
        <source>PI&amp;N or passphrase:</source>
        <translation>NI&amp;P ou phrase de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="186"/>
        <source>&amp;Again:</source>
        <translation>&amp;Confirmer&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="222"/>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="232"/>
        <source>Sandbox demo: sign in as “Demo” with PIN {pin}.</source>
        <translation>Démo du bac à sable&#xa0;: connectez-vous comme «&#xa0;Demo&#xa0;» avec le NIP {pin}.</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="268"/>
        <source>Type your PIN.</source>
        <translation>Entrez votre NIP.</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="271"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="290"/>
        <source>Wrong PIN. Tries left before a wait: {n}.</source>
        <translation>NIP erroné. Essais restants avant une attente&#xa0;: {n}.</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="292"/>
        <source>That profile no longer exists. Pick your name again.</source>
        <translation>Ce profil n’existe plus. Choisissez de nouveau votre nom.</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="310"/>
        <source>Too many wrong PINs. Try again in {time}.</source>
        <translation>Trop de NIP erronés. Réessayez dans {time}.</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="335"/>
        <source>The two entries don&apos;t match.</source>
        <translation>Les deux entrées ne correspondent pas.</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="344"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/views/shell/tab_pages.py" line="44"/>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="51"/>
        <source>&amp;New order…</source>
        <translation>&amp;Nouvelle commande…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="53"/>
        <source>Order kits for a patient</source>
        <translation>Commander des trousses pour un patient</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="69"/>
        <source>&amp;Import orders…</source>
        <translation>I&amp;mporter des commandes…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="71"/>
        <source>Order kits for every patient on a list (CSV or Excel)</source>
        <translation>Commander des trousses pour chaque patient d’une liste (CSV ou Excel)</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="95"/>
        <source>&amp;Export clinic setup…</source>
        <translation>E&amp;xporter la configuration de la clinique…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="97"/>
        <source>Save this desk&apos;s setup to set up the clinic&apos;s other desks alike</source>
        <translation>Enregistrer la configuration de ce poste pour configurer de la même façon les autres postes de la clinique</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="102"/>
        <source>I&amp;mport clinic setup…</source>
        <translation>&amp;Importer la configuration de la clinique…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="104"/>
        <source>Set this desk up from another desk&apos;s setup file</source>
        <translation>Configurer ce poste à partir du fichier de configuration d’un autre poste</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="111"/>
        <source>&amp;Refresh</source>
        <translation>A&amp;ctualiser</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="113"/>
        <source>Fetch the latest from Spot</source>
        <translation>Obtenir les dernières données de Spot</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="117"/>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="119"/>
        <source>Search orders by name, email, phone, order or kit ID</source>
        <translation>Rechercher des commandes par nom, courriel, téléphone, ID de commande ou de trousse</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="125"/>
        <source>Find &amp;kit by barcode…</source>
        <translation>Trouver une tr&amp;ousse par code-barres…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="127"/>
        <source>Scan or type a kit barcode</source>
        <translation>Balayez ou tapez le code-barres d’une trousse</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="57"/>
        <source>Re&amp;gister kit…</source>
        <translation>&amp;Enregistrer une trousse…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="59"/>
        <source>Register a kit handed over at the desk</source>
        <translation>Enregistrer une trousse remise à l’accueil</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="63"/>
        <source>Patient registration &amp;token…</source>
        <translation>&amp;Jeton d’enregistrement pour patient…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="65"/>
        <source>A one-time token a patient uses to register a kit</source>
        <translation>Un jeton à usage unique qui permet au patient d’enregistrer une trousse</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="132"/>
        <source>Needs &amp;attention</source>
        <translation>À &amp;traiter</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="134"/>
        <source>Show only orders that need attention</source>
        <translation>Afficher seulement les commandes à traiter</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="138"/>
        <source>Re&amp;quisitions</source>
        <translation>Re&amp;quêtes</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="139"/>
        <location filename="../../app/views/shell/tab_pages.py" line="97"/>
        <source>Requisitions</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="89"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="91"/>
        <source>Environment, token, kit types, refresh interval</source>
        <translation>Environnement, jeton, types de trousses, fréquence d’actualisation</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="77"/>
        <source>Sign &amp;in / switch environment…</source>
        <translation>Se &amp;connecter / changer d’environnement…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="81"/>
        <source>Sign &amp;out of Spot…</source>
        <translation>Se &amp;déconnecter de Spot…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="83"/>
        <source>Remove this account&apos;s API token from this computer</source>
        <translation>Retirer de cet ordinateur le jeton d’API de ce compte</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="107"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="143"/>
        <source>Results &amp;inbox</source>
        <translation>&amp;Boîte de résultats</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="144"/>
        <source>Reports to look at and sign off</source>
        <translation>Rapports à examiner et à signer</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="148"/>
        <source>&amp;Unreturned kits</source>
        <translation>Trousses &amp;non retournées</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="150"/>
        <source>Kits that have not come back, and who was contacted</source>
        <translation>Trousses non retournées et patients déjà contactés</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="154"/>
        <source>&amp;Outbox</source>
        <translation>Boîte d’&amp;envoi</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="156"/>
        <source>Orders waiting to be sent or needing a fix, and what to do about them</source>
        <translation>Commandes en attente d’envoi ou à corriger, et que faire pour chacune</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="162"/>
        <source>&amp;Getting started</source>
        <translation>Pr&amp;emiers pas</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="166"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="170"/>
        <source>Copy &amp;diagnostics</source>
        <translation>Copier les &amp;diagnostics</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="172"/>
        <source>Copy what support needs: versions, environment, outbox counts, recent error types (never patient data or the token)</source>
        <translation>Copier ce dont le soutien a besoin&#xa0;: versions, environnement, commandes en attente, types d’erreurs récentes (jamais de données de patients ni le jeton)</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="178"/>
        <source>&amp;About</source>
        <translation>À &amp;propos</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="261"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="262"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="263"/>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/actions.py" line="271"/>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/shell/failure_notices.py" line="102"/>
        <source>%n file(s) saved on this computer couldn&apos;t be unlocked and were started afresh</source>
        <translation>
            <numerusform>%n fichier enregistré sur cet ordinateur n&apos;a pas pu être déverrouillé et repart à zéro</numerusform>
            <numerusform>%n fichiers enregistrés sur cet ordinateur n&apos;ont pas pu être déverrouillés et repartent à zéro</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/shell/failure_notices.py" line="106"/>
        <source>This happens after a new Windows profile or a reset password store. The order list is fetched again from Spot; drafts saved before are lost.</source>
        <translation>Cela arrive après un nouveau profil Windows ou un trousseau réinitialisé. La liste des commandes est récupérée de nouveau auprès de Spot; les brouillons enregistrés avant sont perdus.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/shell/failure_notices.py" line="124"/>
        <source>%n order(s) waiting to be sent couldn&apos;t be unlocked on this computer</source>
        <translation>
            <numerusform>%n commande en attente d&apos;envoi n&apos;a pas pu être déverrouillée sur cet ordinateur</numerusform>
            <numerusform>%n commandes en attente d&apos;envoi n&apos;ont pas pu être déverrouillées sur cet ordinateur</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/shell/failure_notices.py" line="127"/>
        <source>Orders waiting to be sent couldn&apos;t be unlocked on this computer</source>
        <translation>Des commandes en attente d&apos;envoi n&apos;ont pas pu être déverrouillées sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/failure_notices.py" line="131"/>
        <source>They were not sent. This happens after a new Windows profile or a reset password store; the file is kept aside in case IT can restore the old one. Check in Spot which orders arrived and place the missing ones again.</source>
        <translation>Elles n&apos;ont pas été envoyées. Cela arrive après un nouveau profil Windows ou un trousseau réinitialisé; le fichier est mis de côté au cas où le service informatique pourrait restaurer l&apos;ancien. Vérifiez dans Spot quelles commandes sont arrivées et passez de nouveau celles qui manquent.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/main_window.py" line="435"/>
        <source>Unreturned kits</source>
        <translation>Trousses non retournées</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/quit_guard.py" line="73"/>
        <source>Waiting to be sent: {count}.</source>
        <translation>En attente d’envoi : {count}.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/quit_guard.py" line="76"/>
        <source>To fix in the Outbox before they can be sent: {count}.</source>
        <translation>À corriger dans la boîte d’envoi avant de pouvoir les envoyer : {count}.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/quit_guard.py" line="80"/>
        <source>Some orders haven&apos;t reached Spot yet</source>
        <translation>Certaines commandes ne sont pas encore parvenues à Spot</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/quit_guard.py" line="81"/>
        <location filename="../../app/views/shell/quit_guard.py" line="88"/>
        <source>Quit anyway</source>
        <translation>Quitter quand même</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/quit_guard.py" line="82"/>
        <source>This computer&apos;s password store isn&apos;t available, so the outbox is kept in memory only: these orders would be lost. Keep the app open until the outbox is empty, or note the patients and order again later.</source>
        <translation>Le trousseau de cet ordinateur n&apos;est pas disponible, la boîte d&apos;envoi est donc gardée en mémoire seulement : ces commandes seraient perdues. Gardez l&apos;application ouverte jusqu&apos;à ce que la boîte d&apos;envoi soit vide, ou notez les patients et commandez de nouveau plus tard.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/quit_guard.py" line="91"/>
        <source>Some labels haven&apos;t printed yet</source>
        <translation>Des étiquettes ne sont pas encore imprimées</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/quit_guard.py" line="94"/>
        <source>Some orders haven&apos;t been sent yet</source>
        <translation>Certaines commandes n’ont pas encore été envoyées</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/quit_guard.py" line="92"/>
        <location filename="../../app/views/shell/quit_guard.py" line="95"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/quit_guard.py" line="96"/>
        <source>They stay in the outbox on this computer and are sent the next time you start the app.</source>
        <translation>Elles restent dans la boîte d’envoi de cet ordinateur et seront envoyées au prochain démarrage de l’application.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/quit_guard.py" line="101"/>
        <source>Labels the label printer has not taken: {count}. They are not kept when the app closes: print them with Try again in the Labels window first.</source>
        <translation>Étiquettes que l’imprimante d’étiquettes n’a pas prises&#xa0;: {count}. Elles ne sont pas gardées à la fermeture de l’application&#xa0;: imprimez-les d’abord avec Réessayer dans la fenêtre Étiquettes.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/quit_guard.py" line="110"/>
        <source>Keep the app open</source>
        <translation>Garder l’application ouverte</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in_flow.py" line="156"/>
        <source>Starting the built-in sandbox…</source>
        <translation>Démarrage du bac à sable intégré…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in_flow.py" line="166"/>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in_flow.py" line="203"/>
        <location filename="../../app/views/shell/sign_in_flow.py" line="312"/>
        <source>Opening {label}…</source>
        <translation>Ouverture de {label}…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in_flow.py" line="216"/>
        <source>Sign-in needed</source>
        <translation>Connexion requise</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in_flow.py" line="217"/>
        <source>Restart the app to sign in.</source>
        <translation>Redémarrez l’application pour vous connecter.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in_flow.py" line="295"/>
        <source>Still working with the same Spot account.</source>
        <translation>Vous travaillez toujours avec le même compte Spot.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in_flow.py" line="335"/>
        <source>Sign out of Spot?</source>
        <translation>Se déconnecter de Spot?</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in_flow.py" line="336"/>
        <source>The API token for {label} is removed from this computer and the windows working with it close; typed orders are kept as drafts. Orders still waiting are kept too and are sent after someone signs in again with this account&apos;s token.</source>
        <translation>Le jeton d’API de {label} est retiré de cet ordinateur et les fenêtres qui l’utilisent se ferment; les commandes en cours de saisie sont gardées comme brouillons. Les commandes en attente sont gardées aussi et seront envoyées quand quelqu’un se reconnectera avec le jeton de ce compte.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in_flow.py" line="342"/>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in_flow.py" line="342"/>
        <source>&amp;Stay signed in</source>
        <translation>&amp;Rester connecté</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in_flow.py" line="354"/>
        <source>Signed out of Spot.</source>
        <translation>Déconnecté de Spot.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in_flow.py" line="355"/>
        <source>Signed out of Spot: the token was removed from this computer.</source>
        <translation>Déconnecté de Spot : le jeton a été retiré de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/main_window.py" line="147"/>
        <source>Refreshing…</source>
        <translation>Actualisation…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/failure_notices.py" line="56"/>
        <source>Sign in…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/desk_support.py" line="73"/>
        <source>The API token is kept for this session only</source>
        <translation>Le jeton d’API est conservé pour cette session seulement</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/desk_support.py" line="74"/>
        <source>This computer has no password store, so you&apos;ll paste the token again next time the app starts. The status bar says so too.</source>
        <translation>Cet ordinateur n’a pas de trousseau de mots de passe&#xa0;: vous collerez le jeton de nouveau au prochain démarrage de l’application. La barre d’état l’indique aussi.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/desk_support.py" line="104"/>
        <location filename="../../app/views/shell/status_indicators.py" line="49"/>
        <source>Not signed in</source>
        <extracomment>(waiting, to fix) as last fetched for the status bar; ``None`` when unknown.</extracomment>
        <translation>Non connecté</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/desk_support.py" line="131"/>
        <source>Diagnostics copied: paste them into your message to support. They hold no patient data and no token.</source>
        <translation>Diagnostics copiés&#xa0;: collez-les dans votre message au soutien. Ils ne contiennent ni données de patients ni jeton.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/status_indicators.py" line="37"/>
        <source>Open the outbox</source>
        <translation>Ouvrir la boîte d’envoi</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/status_indicators.py" line="61"/>
        <source>Last sync {time}</source>
        <translation>Dernière synchro {time}</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/status_indicators.py" line="62"/>
        <source>Not synced yet</source>
        <translation>Pas encore synchronisé</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/status_indicators.py" line="70"/>
        <source>Outbox: {queued} waiting · {attention} to fix</source>
        <translation>Boîte d’envoi : {queued} en attente · {attention} à corriger</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/main_window.py" line="380"/>
        <source>Spot rejected the API token while sending an order. Sign in again; the order stays queued.</source>
        <translation>Spot a refusé le jeton d’API lors de l’envoi d’une commande. Reconnectez-vous; la commande reste en attente.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/failure_notices.py" line="78"/>
        <source>Something went wrong</source>
        <translation>Un problème est survenu</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/failure_notices.py" line="79"/>
        <source>The problem was logged. You can keep working; restart the app if something looks wrong.</source>
        <translation>Le problème a été consigné. Vous pouvez continuer à travailler; redémarrez l’application si quelque chose semble anormal.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/metadata_guard.py" line="67"/>
        <source>Unsaved notes</source>
        <translation>Notes non enregistrées</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/metadata_guard.py" line="68"/>
        <source>The notes of order %1 were changed but not saved.</source>
        <translation>Les notes de la commande %1 ont été modifiées mais pas enregistrées.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/metadata_guard.py" line="73"/>
        <source>Save it before showing another order?</source>
        <translation>Les enregistrer avant d’afficher une autre commande?</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="41"/>
        <source>Order list: menu for the selected order</source>
        <translation>Liste des commandes : menu de la commande choisie</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="42"/>
        <source>Menu key, Shift+F10 or right-click</source>
        <translation>Touche Menu, Maj+F10 ou clic droit</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="43"/>
        <source>Order list: move between orders</source>
        <translation>Liste des commandes : passer d’une commande à l’autre</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="44"/>
        <source>Up, Down, Page Up, Page Down</source>
        <translation>Haut, Bas, Page précédente, Page suivante</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="45"/>
        <source>Leave the order list</source>
        <translation>Quitter la liste des commandes</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="45"/>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="68"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="73"/>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="73"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="109"/>
        <location filename="../../app/views/shell/help_pages.py" line="163"/>
        <source>Getting started</source>
        <translation>Premiers pas</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="110"/>
        <source>Sign in.</source>
        <translation>Connectez-vous.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="111"/>
        <source>File → Sign in: choose your clinic&apos;s Spot environment and paste the API token your administrator gave you. The status bar names the environment you are working in.</source>
        <translation>Fichier → Se connecter : choisissez l’environnement Spot de votre clinique et collez le jeton d’API fourni par votre administrateur. La barre d’état indique l’environnement utilisé.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="117"/>
        <source>Order kits.</source>
        <translation>Commandez des trousses.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="118"/>
        <source>New order (toolbar): the patient&apos;s name, contact and address, then the kit types. Orders wait in the outbox if Spot can&apos;t be reached.</source>
        <translation>Nouvelle commande (barre d’outils) : nom, coordonnées et adresse du patient, puis les types de trousses. Les commandes attendent dans la boîte d’envoi si Spot est injoignable.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="123"/>
        <source>Find an order.</source>
        <translation>Trouvez une commande.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="124"/>
        <source>Type a name, email, phone number, order or kit ID in the search box. Scan a kit&apos;s barcode into Find kit to jump to its order.</source>
        <translation>Tapez un nom, un courriel, un numéro de téléphone, un numéro de commande ou de trousse dans la recherche. Lisez le code-barres d’une trousse dans Trouver une trousse pour aller à sa commande.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="129"/>
        <source>Follow an order.</source>
        <translation>Suivez une commande.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="130"/>
        <source>Select an order: the right side shows its kits, where they are, tracking links and reports.</source>
        <translation>Choisissez une commande : la droite montre ses trousses, où elles en sont, les liens de suivi et les rapports.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="135"/>
        <source>Register a kit.</source>
        <translation>Enregistrez une trousse.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="136"/>
        <source>Register kit, or right-click an order → Register kit: the order&apos;s patient is filled in for you.</source>
        <translation>Enregistrer une trousse, ou clic droit sur une commande → Enregistrer une trousse : le patient de la commande est déjà rempli.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="141"/>
        <source>Needs attention</source>
        <translation>À traiter</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="142"/>
        <source>lists orders with a problem: delivery or collection exceptions, kits not registered, samples stuck on their way.</source>
        <translation>liste les commandes qui ont un problème : incidents de livraison ou de prélèvement, trousses non enregistrées, échantillons bloqués en route.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="147"/>
        <source>Results to review</source>
        <translation>Résultats à consulter</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="148"/>
        <source>lists orders with results nobody opened on this computer yet.</source>
        <translation>liste les commandes dont les résultats n’ont pas encore été ouverts sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="151"/>
        <source>Outbox</source>
        <translation>Boîte d’envoi</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="152"/>
        <source>in the status bar counts orders waiting to be sent and those that need fixing before they can be.</source>
        <translation>dans la barre d’état compte les commandes en attente d’envoi et celles à corriger avant de pouvoir partir.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/help_pages.py" line="157"/>
        <source>Help → Keyboard shortcuts lists every key.</source>
        <translation>Aide → Raccourcis clavier liste toutes les touches.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/spot_account.py" line="79"/>
        <source>1 order queued under the Spot account in use hasn&apos;t reached Spot yet.</source>
        <translation>1 commande en attente pour le compte Spot utilisé n’a pas encore atteint Spot.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/spot_account.py" line="81"/>
        <source>{n} orders queued under the Spot account in use haven&apos;t reached Spot yet.</source>
        <translation>{n} commandes en attente pour le compte Spot utilisé n’ont pas encore atteint Spot.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/spot_account.py" line="84"/>
        <source>They are never sent with another account&apos;s token: they wait on this computer until someone signs in with that account again.</source>
        <translation>Elles ne sont jamais envoyées avec le jeton d’un autre compte : elles attendent sur cet ordinateur que quelqu’un se reconnecte avec ce compte.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/spot_account.py" line="89"/>
        <source>If the new token is a new key for the same Spot account (the old one was replaced), choose “Same account, new key” to send them with it.</source>
        <translation>Si le nouveau jeton est une nouvelle clé du même compte Spot (l’ancienne a été remplacée), choisissez « Même compte, nouvelle clé » pour les envoyer avec elle.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/spot_account.py" line="94"/>
        <source>Orders are still waiting to be sent</source>
        <translation>Des commandes attendent encore d’être envoyées</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/spot_account.py" line="98"/>
        <source>&amp;Switch accounts</source>
        <translation>&amp;Changer de compte</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/spot_account.py" line="102"/>
        <source>Same account, &amp;new key</source>
        <translation>Même compte, &amp;nouvelle clé</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/spot_account.py" line="104"/>
        <source>S&amp;tay with the current account</source>
        <translation>&amp;Garder le compte actuel</translation>
    </message>
</context>
<context>
    <name>MetadataEditor</name>
    <message>
        <location filename="../../app/views/common/metadata_editor.py" line="64"/>
        <source>Name</source>
        <extracomment>Keys the app writes itself (the outbox&apos;s client reference); the user must not set them. The prefix of every key the app writes; a new key with it is refused (see `problems`).</extracomment>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../app/views/common/metadata_editor.py" line="65"/>
        <location filename="../../app/views/common/metadata_editor.py" line="164"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/views/common/metadata_editor.py" line="73"/>
        <source>&amp;Add a note</source>
        <translation>A&amp;jouter une note</translation>
    </message>
    <message>
        <location filename="../../app/views/common/metadata_editor.py" line="117"/>
        <source>A note needs a name</source>
        <translation>Une note doit avoir un nom</translation>
    </message>
    <message>
        <location filename="../../app/views/common/metadata_editor.py" line="124"/>
        <source>“%1” is used by Spot Front Desk itself; choose another name</source>
        <translation>« %1 » est utilisé par Spot Front Desk lui-même; choisissez un autre nom</translation>
    </message>
    <message>
        <location filename="../../app/views/common/metadata_editor.py" line="129"/>
        <source>The name “%1” is used twice</source>
        <translation>Le nom « %1 » est utilisé deux fois</translation>
    </message>
    <message>
        <location filename="../../app/views/common/metadata_editor.py" line="160"/>
        <source>name, like room</source>
        <translation>nom, p. ex. salle</translation>
    </message>
    <message>
        <location filename="../../app/views/common/metadata_editor.py" line="161"/>
        <source>Note name</source>
        <translation>Nom de la note</translation>
    </message>
    <message>
        <location filename="../../app/views/common/metadata_editor.py" line="163"/>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../app/views/common/metadata_editor.py" line="167"/>
        <location filename="../../app/views/common/metadata_editor.py" line="168"/>
        <source>Remove this note</source>
        <translation>Retirer cette note</translation>
    </message>
</context>
<context>
    <name>NetworkSection</name>
    <message>
        <location filename="../../app/views/settings/network.py" line="42"/>
        <source>Enter the proxy address, e.g. http://proxy.clinic.example:3128</source>
        <translation>Entrez l’adresse du proxy, p. ex. http://proxy.clinic.example:3128</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/network.py" line="44"/>
        <source>That doesn&apos;t look like a proxy address</source>
        <translation>Cela ne ressemble pas à une adresse de proxy</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/network.py" line="45"/>
        <source>Enter the proxy as http://host:port (or https://host:port)</source>
        <translation>Entrez le proxy sous la forme http://hôte:port (ou https://hôte:port)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/network.py" line="47"/>
        <source>Enter only the proxy&apos;s scheme, host and port</source>
        <translation>Entrez seulement le protocole, l’hôte et le port du proxy</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/network.py" line="59"/>
        <source>Network (this computer)</source>
        <translation>Réseau (cet ordinateur)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/network.py" line="66"/>
        <source>S&amp;ystem settings</source>
        <translation>Réglages du s&amp;ystème</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/network.py" line="68"/>
        <source>The proxy set up in Windows (or macOS, or the HTTPS_PROXY variable), with its list of addresses that go direct.</source>
        <translation>Le proxy configuré dans Windows (ou macOS, ou la variable HTTPS_PROXY), avec sa liste d’adresses qui passent en direct.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/network.py" line="71"/>
        <source>N&amp;o proxy</source>
        <translation>Sans pr&amp;oxy</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/network.py" line="72"/>
        <source>Man&amp;ual:</source>
        <translation>Man&amp;uel&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/network.py" line="83"/>
        <source>Proxy address</source>
        <translation>Adresse du proxy</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/network.py" line="91"/>
        <source>Test &amp;connection</source>
        <translation>Tester la &amp;connexion</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/network.py" line="97"/>
        <source>Sign in first: the test uses your token.</source>
        <translation>Connectez-vous d’abord&#xa0;: le test utilise votre jeton.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/network.py" line="102"/>
        <source>Applies at once, no restart needed. The built-in sandbox and servers on this computer never go through a proxy.</source>
        <translation>S’applique aussitôt, sans redémarrage. Le bac à sable intégré et les serveurs de cet ordinateur ne passent jamais par un proxy.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/network.py" line="115"/>
        <source>Proxy:</source>
        <translation>Proxy&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/network.py" line="181"/>
        <source>Testing the connection…</source>
        <translation>Test de la connexion…</translation>
    </message>
</context>
<context>
    <name>NewOrderDialog</name>
    <message>
        <location filename="../../app/views/new_order/form.py" line="798"/>
        <source>New order</source>
        <translation>Nouvelle commande</translation>
    </message>
</context>
<context>
    <name>NewOrderForm</name>
    <message>
        <location filename="../../app/views/new_order/bars.py" line="69"/>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/bars.py" line="72"/>
        <source>Discard &amp;it</source>
        <translation>Suppr&amp;imer</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="351"/>
        <source>Kits</source>
        <extracomment>The order was written to the outbox (outbox item id). Spot accepted the order (order id). &quot;Print hand-out…&quot; after the order was placed (a Handout for it). The user confirmed leaving (Esc) or the form was empty: the host may close.</extracomment>
        <translation>Trousses</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/bars.py" line="118"/>
        <source>Order &amp;anyway</source>
        <translation>Commander &amp;quand même</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="369"/>
        <source>Will be sent as</source>
        <translation>Sera envoyée ainsi</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/bars.py" line="202"/>
        <source>&amp;Another order for this patient</source>
        <translation>Autre commande pour ce &amp;patient</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/bars.py" line="206"/>
        <source>&amp;New order</source>
        <translation>&amp;Nouvelle commande</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="396"/>
        <location filename="../../app/views/new_order/form.py" line="595"/>
        <source>&amp;Place order</source>
        <translation>&amp;Commander</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="397"/>
        <source>Place the order (Ctrl+Enter)</source>
        <translation>Passer la commande (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/submission.py" line="128"/>
        <source>Checking for recent orders for this patient…</source>
        <translation>Vérification des commandes récentes pour ce patient…</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/notes.py" line="24"/>
        <source>Notes for your recor&amp;ds (optional)</source>
        <translation>Notes pour vos &amp;dossiers (facultatif)</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/notes.py" line="26"/>
        <source>Your own notes kept with the order in Spot, like a chart or room number</source>
        <translation>Vos propres notes, gardées avec la commande dans Spot, comme un numéro de dossier ou de salle</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="400"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="401"/>
        <source>Close this window (Esc)</source>
        <translation>Fermer cette fenêtre (Échap)</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="512"/>
        <source>Discard this order?</source>
        <translation>Abandonner cette commande?</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="513"/>
        <location filename="../../app/views/new_order/form.py" line="526"/>
        <source>What you typed for this order will be lost.</source>
        <translation>Ce que vous avez saisi pour cette commande sera perdu.</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="514"/>
        <source>&amp;Discard</source>
        <translation>&amp;Abandonner</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="525"/>
        <source>Start a new order?</source>
        <translation>Commencer une nouvelle commande?</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="527"/>
        <source>&amp;Start new order</source>
        <translation>&amp;Nouvelle commande</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/summary.py" line="50"/>
        <source>Fix the problem marked above before placing the order.</source>
        <translation>Corrigez le problème indiqué ci-dessus avant de passer la commande.</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/summary.py" line="52"/>
        <source>Fix the %1 problems marked above before placing the order.</source>
        <translation>Corrigez les %1 problèmes indiqués ci-dessus avant de passer la commande.</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/summary.py" line="59"/>
        <source>Check the warning marked above: correct it, or confirm it.</source>
        <translation>Vérifiez l’avertissement indiqué ci-dessus&#xa0;: corrigez-le ou confirmez-le.</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/summary.py" line="61"/>
        <source>Check the %1 warnings marked above: correct them, or confirm each.</source>
        <translation>Vérifiez les %1 avertissements indiqués ci-dessus&#xa0;: corrigez-les ou confirmez chacun.</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="591"/>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="593"/>
        <source>Send a&amp;gain</source>
        <translation>&amp;Renvoyer</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="603"/>
        <source>1 problem to fix</source>
        <translation>1 problème à corriger</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="605"/>
        <source>%1 problems to fix</source>
        <translation>%1 problèmes à corriger</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="609"/>
        <source>1 warning to confirm</source>
        <translation>1 avertissement à confirmer</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="611"/>
        <source>%1 warnings to confirm</source>
        <translation>%1 avertissements à confirmer</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="620"/>
        <source>Shown here once the fields above are complete.</source>
        <translation>S’affiche ici une fois les champs ci-dessus remplis.</translation>
    </message>
    <message>
        <location filename="../../app/views/common/labels.py" line="48"/>
        <source>United States</source>
        <translation>États-Unis</translation>
    </message>
    <message>
        <location filename="../../app/views/common/labels.py" line="49"/>
        <source>Canada</source>
        <translation>Canada</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/summary.py" line="33"/>
        <source>Kits: %1</source>
        <translation>Trousses&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/summary.py" line="37"/>
        <source>Notes: %1</source>
        <translation>Notes : %1</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/bars.py" line="156"/>
        <source>Possible duplicate: %1 was already ordered for this patient on %2 (order %3).</source>
        <translation>Doublon possible&#xa0;: %1 a déjà été commandé pour ce patient le %2 (commande %3).</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/bars.py" line="165"/>
        <source>%1 similar orders in the last 30 days.</source>
        <translation>%1 commandes semblables dans les 30 derniers jours.</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/submission.py" line="168"/>
        <source>This looks like a repeat order. Check “Order anyway” to place it.</source>
        <translation>Cette commande semble être une répétition. Cochez «&#xa0;Commander quand même&#xa0;» pour la passer.</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/submission.py" line="192"/>
        <source>This order can&apos;t be sent as it is; check the fields.</source>
        <translation>Cette commande ne peut pas être envoyée telle quelle; vérifiez les champs.</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/submission.py" line="199"/>
        <location filename="../../app/views/new_order/submission.py" line="308"/>
        <source>Sending the order to Spot…</source>
        <translation>Envoi de la commande à Spot…</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/submission.py" line="236"/>
        <source>The order was not saved: %1. %2 Your typing is kept; try again.</source>
        <translation>La commande n’a pas été enregistrée&#xa0;: %1. %2 Votre saisie est conservée; réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/submission.py" line="284"/>
        <source>Order %1 placed. Spot will ship the kits.</source>
        <translation>Commande %1 passée. Spot expédiera les trousses.</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/submission.py" line="297"/>
        <source>Not sent yet: %1 The order is queued on this computer and will be sent automatically. You can close this window.</source>
        <translation>Pas encore envoyée&#xa0;: %1 La commande est en attente sur cet ordinateur et sera envoyée automatiquement. Vous pouvez fermer cette fenêtre.</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/submission.py" line="323"/>
        <source>Notes for your records</source>
        <translation>Notes pour vos dossiers</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/submission.py" line="332"/>
        <source>Spot did not accept this order. Fix what is marked and send it again.</source>
        <translation>Spot n’a pas accepté cette commande. Corrigez ce qui est indiqué et renvoyez-la.</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/submission.py" line="338"/>
        <source>Spot did not accept this order.</source>
        <translation>Spot n’a pas accepté cette commande.</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="733"/>
        <source>&amp;Keep editing</source>
        <translation>&amp;Continuer la saisie</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/form.py" line="757"/>
        <source>Autosave failed: %1. Keep this window open until the order is placed.</source>
        <translation>Échec de l’enregistrement automatique&#xa0;: %1. Gardez cette fenêtre ouverte jusqu’à ce que la commande soit passée.</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/bars.py" line="88"/>
        <source>an earlier session</source>
        <translation>une session précédente</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/bars.py" line="91"/>
        <source>An order from %1 was not sent%2. Restore it?</source>
        <translation>Une commande de %1 n’a pas été envoyée%2. La restaurer?</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/bars.py" line="96"/>
        <source> (for %1)</source>
        <translation> (pour %1)</translation>
    </message>
    <message>
        <location filename="../../app/views/new_order/bars.py" line="210"/>
        <source>Print hand-out…</source>
        <translation>Imprimer le feuillet…</translation>
    </message>
</context>
<context>
    <name>NewRequisitionDialog</name>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="411"/>
        <source>New requisition</source>
        <translation>Nouvelle requête</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="417"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>NewRequisitionForm</name>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="125"/>
        <source>Sample</source>
        <translation>Échantillon</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="129"/>
        <source>Scan the sample tube&apos;s barcode</source>
        <translation>Balayez le code-barres du tube d’échantillon</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="131"/>
        <source>&amp;Barcode</source>
        <translation>Code-&amp;barres</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="132"/>
        <source>Lab &amp;name</source>
        <translation>&amp;Laboratoire</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="132"/>
        <source>CRL</source>
        <translation>CRL</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="133"/>
        <source>Lab acco&amp;unt</source>
        <translation>&amp;Compte du laboratoire</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="135"/>
        <source>&amp;Panels</source>
        <translation>Pro&amp;fils</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="136"/>
        <source>Panel codes, separated by commas: PANEL-123, hba1c_panel</source>
        <translation>Codes de profils, séparés par des virgules&#xa0;: PANEL-123, hba1c_panel</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="139"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="147"/>
        <source>&amp;Collected in</source>
        <translation>Lieu de prélève&amp;ment</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="154"/>
        <source>Shipment to the lab (optional)</source>
        <translation>Envoi au laboratoire (facultatif)</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="160"/>
        <source>No tracking</source>
        <translation>Aucun suivi</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="166"/>
        <source>Ca&amp;rrier</source>
        <translation>T&amp;ransporteur</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="167"/>
        <source>Trac&amp;king number</source>
        <translation>Numéro de &amp;suivi</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="171"/>
        <source>Lab attributes (optional, CRL)</source>
        <translation>Attributs du laboratoire (facultatif, CRL)</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="175"/>
        <source>Slip &amp;ID</source>
        <translation>&amp;ID du bordereau</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="176"/>
        <source>Up to 10 letters/digits</source>
        <translation>Jusqu’à 10 lettres ou chiffres</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="178"/>
        <source>Tier &amp;3 account</source>
        <translation>Compte de niveau &amp;3</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="180"/>
        <source>8 letters/digits</source>
        <translation>8 lettres ou chiffres</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="183"/>
        <source>Notes for your records (optional)</source>
        <translation>Notes pour vos dossiers (facultatif)</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="202"/>
        <location filename="../../app/views/requisitions/form.py" line="396"/>
        <source>Create re&amp;quisition</source>
        <translation>Créer la re&amp;quête</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="286"/>
        <source>Some details need fixing; see the messages next to the fields.</source>
        <translation>Certains renseignements sont à corriger; voyez les messages à côté des champs.</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="290"/>
        <source>Sending to Spot…</source>
        <translation>Envoi à Spot…</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="302"/>
        <source>Requisition created for barcode %1 (%2).</source>
        <translation>Requête créée pour le code-barres %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="396"/>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../app/views/common/patient_fields.py" line="73"/>
        <source>Choose a date</source>
        <extracomment>Field paths in form order (the validation module&apos;s names).</extracomment>
        <translation>Choisissez une date</translation>
    </message>
</context>
<context>
    <name>OrderCommands</name>
    <message>
        <location filename="../../app/views/shell/order_commands.py" line="115"/>
        <source>No results for this order yet.</source>
        <translation>Pas encore de résultats pour cette commande.</translation>
    </message>
</context>
<context>
    <name>OrderListView</name>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="101"/>
        <source>Search name, email, phone, order or kit ID  (Ctrl+F)</source>
        <translation>Nom, courriel, téléphone, commande ou trousse  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="104"/>
        <source>Search orders</source>
        <translation>Rechercher des commandes</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="112"/>
        <source>Order status filter</source>
        <translation>Filtre du statut de commande</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="113"/>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="115"/>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="116"/>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="117"/>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="118"/>
        <source>Canceled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="131"/>
        <source>Created date filter</source>
        <translation>Filtre de la date de création</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="132"/>
        <source>Any time</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="133"/>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="134"/>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="135"/>
        <source>Last 90 days</source>
        <translation>90 derniers jours</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="136"/>
        <source>Between…</source>
        <translation>Entre…</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="141"/>
        <source>Created from</source>
        <translation>Créée à partir du</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="142"/>
        <source>Created until</source>
        <translation>Créée jusqu’au</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="159"/>
        <source>Orders with results not opened on this computer yet</source>
        <translation>Commandes dont les résultats n’ont pas encore été ouverts sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="307"/>
        <source>Copy order ID</source>
        <translation>Copier le numéro de commande</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="311"/>
        <source>Copy kit IDs</source>
        <translation>Copier les numéros de trousse</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="311"/>
        <source>Copy kit ID</source>
        <translation>Copier le numéro de trousse</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="321"/>
        <source>Open report</source>
        <translation>Ouvrir le rapport</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="324"/>
        <source>No results for this order yet</source>
        <translation>Pas encore de résultats pour cette commande</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="326"/>
        <source>Register kit…</source>
        <translation>Enregistrer une trousse…</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="533"/>
        <source>No orders match “{text}”.</source>
        <translation>Aucune commande ne correspond à « {text} ».</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="534"/>
        <source>Clear the search</source>
        <translation>Effacer la recherche</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="536"/>
        <source>No order needs attention.</source>
        <translation>Aucune commande à traiter.</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="537"/>
        <location filename="../../app/views/orders/order_list.py" line="540"/>
        <source>Show all orders</source>
        <translation>Afficher toutes les commandes</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="539"/>
        <source>No results waiting to be opened.</source>
        <translation>Aucun résultat en attente d’être ouvert.</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="542"/>
        <source>No orders match the search and filters.</source>
        <translation>Aucune commande ne correspond à la recherche et aux filtres.</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="543"/>
        <source>Clear the search and filters</source>
        <translation>Effacer la recherche et les filtres</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/orders/order_list.py" line="550"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n commande</numerusform>
            <numerusform>%n commandes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="553"/>
        <source>{visible} of {total} orders</source>
        <translation>{visible} commandes sur {total}</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="561"/>
        <source>Needs attention ({count})</source>
        <translation>À traiter ({count})</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="563"/>
        <source>Problems: delivery and collection exceptions, kits not registered after 14 days, samples in transit over 10 days</source>
        <translation>Problèmes : incidents de livraison et de prélèvement, trousses non enregistrées après 14 jours, échantillons en transit depuis plus de 10 jours</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_list.py" line="567"/>
        <source>Results to review ({count})</source>
        <translation>Résultats à consulter ({count})</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <location filename="../../app/views/common/labels.py" line="32"/>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../app/views/common/labels.py" line="33"/>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../app/views/common/labels.py" line="34"/>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../app/views/common/labels.py" line="35"/>
        <source>Canceled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_table.py" line="224"/>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_table.py" line="225"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_table.py" line="226"/>
        <source>Kit types</source>
        <translation>Trousses</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_table.py" line="227"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_table.py" line="228"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_table.py" line="229"/>
        <source>State</source>
        <translation>Prov.</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_table.py" line="230"/>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_table.py" line="231"/>
        <source>Updated</source>
        <translation>Modifiée</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_table.py" line="249"/>
        <source>State or province</source>
        <translation>Province ou État</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_table.py" line="251"/>
        <source>Order status</source>
        <translation>Statut de la commande</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/order_table.py" line="539"/>
        <source>Needs attention:</source>
        <translation>À traiter&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <location filename="../../app/services/outbox_items.py" line="40"/>
        <source>Couldn&apos;t confirm with Spot whether this order exists</source>
        <extracomment>Seconds after an ambiguous attempt before a lookup may prove the order absent. Never shortened, not even by benchmarks: it covers gateways and list endpoints lagging behind. When lookups run, in seconds after the last ambiguous attempt (growing intervals; the last one is the window&apos;s end, whose &quot;not found&quot; allows a re-send). Consecutive failed lookups before the item needs attention instead of trying again. Candidates a lookup will fetch before giving up (a patient with thousands of orders). Without the server&apos;s Date header, search this far before the first attempt&apos;s local date.</extracomment>
        <translation>Impossible de confirmer auprès de Spot si cette commande existe</translation>
    </message>
    <message>
        <location filename="../../app/services/outbox_entries.py" line="67"/>
        <source>Waiting to be sent</source>
        <translation>En attente d&apos;envoi</translation>
    </message>
    <message>
        <location filename="../../app/services/outbox_entries.py" line="68"/>
        <source>Not sent yet; will try again</source>
        <translation>Pas encore envoyée; nouvel essai à venir</translation>
    </message>
    <message>
        <location filename="../../app/services/outbox_entries.py" line="69"/>
        <source>Sending to Spot…</source>
        <translation>Envoi à Spot…</translation>
    </message>
    <message>
        <location filename="../../app/services/outbox_entries.py" line="70"/>
        <source>Waiting to confirm: Spot may already have it; checking before sending again</source>
        <translation>En attente de confirmation&#xa0;: Spot l&apos;a peut-être déjà; vérification avant un nouvel envoi</translation>
    </message>
    <message>
        <location filename="../../app/services/outbox_entries.py" line="73"/>
        <source>Sent</source>
        <translation>Envoyée</translation>
    </message>
    <message>
        <location filename="../../app/services/outbox_entries.py" line="74"/>
        <source>Spot didn&apos;t accept the details: fix and resend</source>
        <translation>Spot n&apos;a pas accepté les renseignements&#xa0;: corrigez et renvoyez</translation>
    </message>
    <message>
        <location filename="../../app/services/outbox_entries.py" line="75"/>
        <source>Waiting for you to sign in again</source>
        <translation>En attente de votre nouvelle connexion</translation>
    </message>
    <message>
        <location filename="../../app/services/outbox_entries.py" line="76"/>
        <source>Spot refused it: retry or discard</source>
        <translation>Spot l&apos;a refusée&#xa0;: réessayez ou abandonnez-la</translation>
    </message>
    <message>
        <location filename="../../app/services/outbox_entries.py" line="78"/>
        <source>You checked: it isn&apos;t at Spot. Send it again or discard it</source>
        <translation>Vous avez vérifié&#xa0;: elle n&apos;est pas chez Spot. Renvoyez-la ou abandonnez-la</translation>
    </message>
    <message>
        <location filename="../../app/services/outbox_entries.py" line="81"/>
        <source>Needs attention</source>
        <translation>À traiter</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <location filename="../../app/views/outbox/window.py" line="71"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="71"/>
        <source>Kits</source>
        <translation>Trousses</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="71"/>
        <source>State</source>
        <translation>Prov.</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="71"/>
        <source>Tries</source>
        <translation>Essais</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="72"/>
        <source>Last problem</source>
        <translation>Dernier problème</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="72"/>
        <source>Next try</source>
        <translation>Prochain essai</translation>
    </message>
</context>
<context>
    <name>OutboxWindow</name>
    <message>
        <location filename="../../app/views/outbox/window.py" line="137"/>
        <source>Outbox</source>
        <translation>Boîte d’envoi</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="156"/>
        <source>Nothing waiting: every order was sent.</source>
        <translation>Rien en attente : toutes les commandes ont été envoyées.</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="171"/>
        <source>&amp;Retry now</source>
        <translation>&amp;Réessayer maintenant</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="172"/>
        <source>&amp;Fix and resend…</source>
        <translation>&amp;Corriger et renvoyer…</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="173"/>
        <source>&amp;Check with Spot now</source>
        <translation>&amp;Vérifier auprès de Spot</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="174"/>
        <source>I checked: it &amp;isn&apos;t there…</source>
        <translation>J’ai vérifié : elle n’y est &amp;pas…</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="175"/>
        <source>&amp;Discard…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="176"/>
        <source>&amp;Open order</source>
        <translation>&amp;Ouvrir la commande</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="185"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="257"/>
        <source>Trying again now.</source>
        <translation>Nouvel essai en cours.</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="263"/>
        <source>Asking Spot whether it has this order…</source>
        <translation>On demande à Spot s’il a reçu cette commande…</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="281"/>
        <source>Discard this order?</source>
        <translation>Abandonner cette commande?</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="282"/>
        <source>The order for %1 will not be sent, and its details are removed from this computer.</source>
        <translation>La commande pour %1 ne sera pas envoyée, et ses détails seront effacés de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="284"/>
        <source>&amp;Discard</source>
        <translation>&amp;Abandonner</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="284"/>
        <source>&amp;Keep it</source>
        <translation>&amp;La garder</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="286"/>
        <source>The order was discarded.</source>
        <translation>La commande a été supprimée.</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="297"/>
        <source>I checked: it isn&apos;t there</source>
        <translation>J’ai vérifié : elle n’y est pas</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="299"/>
        <source>You looked in Spot and this order is not there. Say how you checked (for the record); it can then be sent again or discarded.</source>
        <translation>Vous avez cherché dans Spot et cette commande n’y est pas. Indiquez comment vous avez vérifié (pour le registre); elle pourra ensuite être renvoyée ou supprimée.</translation>
    </message>
    <message>
        <location filename="../../app/views/outbox/window.py" line="304"/>
        <source>Recorded. Retry or discard it now.</source>
        <translation>C’est noté. Vous pouvez maintenant la renvoyer ou la supprimer.</translation>
    </message>
</context>
<context>
    <name>Outreach</name>
    <message>
        <location filename="../../app/views/outreach/__init__.py" line="72"/>
        <source>Import orders from a patient list</source>
        <translation>Importer des commandes depuis une liste de patients</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/__init__.py" line="73"/>
        <source>Patient lists (*.csv *.xlsx *.xls *.ods *.txt);;All files (*)</source>
        <translation>Listes de patients (*.csv *.xlsx *.xls *.ods *.txt);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>OutreachSettingsBox</name>
    <message>
        <location filename="../../app/views/outreach/settings_box.py" line="15"/>
        <source>Outreach</source>
        <translation>Suivi des patients</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/settings_box.py" line="24"/>
        <source>&amp;Orders a second when importing:</source>
        <translation>C&amp;ommandes par seconde à l’importation&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/settings_box.py" line="29"/>
        <source>Chase a kit de&amp;livered, not registered, after:</source>
        <translation>Relancer une trousse &amp;livrée non enregistrée après&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/settings_box.py" line="31"/>
        <source>Chase a kit re&amp;gistered, no sample sent, after:</source>
        <translation>Relancer une trousse enre&amp;gistrée sans échantillon après&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/settings_box.py" line="33"/>
        <source>Chase a sample on its &amp;way to the lab after:</source>
        <translation>Relancer un é&amp;chantillon en route vers le laboratoire après&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/settings_box.py" line="38"/>
        <source> days</source>
        <translation> jours</translation>
    </message>
</context>
<context>
    <name>PatientChoice</name>
    <message>
        <location filename="../../app/views/common/patient_fields.py" line="424"/>
        <source>An existing &amp;patient</source>
        <translation>Patient exi&amp;stant</translation>
    </message>
    <message>
        <location filename="../../app/views/common/patient_fields.py" line="427"/>
        <source>A &amp;new patient</source>
        <translation>N&amp;ouveau patient</translation>
    </message>
    <message>
        <location filename="../../app/views/common/patient_fields.py" line="488"/>
        <source>Couldn&apos;t load earlier patients: %1</source>
        <translation>Impossible de charger les patients précédents&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>PatientFields</name>
    <message>
        <location filename="../../app/views/common/patient_fields.py" line="138"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../app/views/common/patient_fields.py" line="143"/>
        <source>Sex and date of birth</source>
        <translation>Sexe et date de naissance</translation>
    </message>
    <message>
        <location filename="../../app/views/common/patient_fields.py" line="149"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../app/views/common/patient_fields.py" line="150"/>
        <source>Female (F)</source>
        <translation>Féminin (F)</translation>
    </message>
    <message>
        <location filename="../../app/views/common/patient_fields.py" line="151"/>
        <source>Male (M)</source>
        <translation>Masculin (M)</translation>
    </message>
    <message>
        <location filename="../../app/views/common/patient_fields.py" line="153"/>
        <source>Se&amp;x</source>
        <translation>Se&amp;xe</translation>
    </message>
    <message>
        <location filename="../../app/views/common/patient_fields.py" line="157"/>
        <source>&amp;Date of birth</source>
        <translation>&amp;Date de naissance</translation>
    </message>
    <message>
        <location filename="../../app/views/common/patient_fields.py" line="179"/>
        <source>Patient&apos;s address</source>
        <translation>Adresse du patient</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../app/views/printing/preview.py" line="78"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="82"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Enregistrer en PDF…</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="86"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="148"/>
        <source>Sent to the printer.</source>
        <translation>Envoyé à l’imprimante.</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="153"/>
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="155"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="164"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="170"/>
        <source>Saved %1</source>
        <translation>Enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/preview.py" line="177"/>
        <source>Couldn&apos;t save the PDF: %1 %2</source>
        <translation>Impossible d’enregistrer le PDF&#xa0;: %1 %2</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/handout_page.py" line="59"/>
        <source>Letter (8.5 × 11 in)</source>
        <translation>Lettre (8,5 × 11 po)</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/handout_page.py" line="60"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
</context>
<context>
    <name>PrintingSettingsDialog</name>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="344"/>
        <source>Printing</source>
        <translation>Impression</translation>
    </message>
</context>
<context>
    <name>PrintingSettingsPage</name>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="102"/>
        <source>On the patient hand-out</source>
        <translation>Sur le feuillet du patient</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="109"/>
        <source>PNG or JPEG file (optional)</source>
        <translation>Fichier PNG ou JPEG (facultatif)</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="110"/>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="120"/>
        <source>The QR code on the hand-out opens this page. It never holds patient data.</source>
        <translation>Le code QR du feuillet ouvre cette page. Il ne contient jamais de données du patient.</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="127"/>
        <source>Clinic:</source>
        <translation>Clinique&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="128"/>
        <source>&amp;Logo:</source>
        <translation>&amp;Logo&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="129"/>
        <source>Registration or &amp;instructions page:</source>
        <translation>Page d’&amp;inscription ou d’instructions&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="137"/>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="139"/>
        <source>On label &amp;sheets, with any printer</source>
        <translation>Sur des planches d’étiquettes, avec toute impri&amp;mante</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="141"/>
        <source>On a Zebra label printer on the &amp;network (raw TCP)</source>
        <translation>Sur une imprimante d’étiquettes Zebra du &amp;réseau (TCP brut)</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="144"/>
        <source>On a Zebra label printer installed on this &amp;computer</source>
        <translation>Sur une imprimante d’étiquettes Zebra installée sur cet &amp;ordinateur</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="152"/>
        <source>IP address or name, e.g. 10.0.0.25:9100</source>
        <translation>Adresse IP ou nom, p. ex. 10.0.0.25:9100</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="167"/>
        <source>2 × 1 in</source>
        <translation>2 × 1 po</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="168"/>
        <source>4 × 6 in</source>
        <translation>4 × 6 po</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="172"/>
        <source>203 dpi (8 dots/mm)</source>
        <translation>203 ppp (8 points/mm)</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="173"/>
        <source>300 dpi (12 dots/mm)</source>
        <translation>300 ppp (12 points/mm)</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="178"/>
        <source>Sheet:</source>
        <translation>Planche&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="181"/>
        <source>Address:</source>
        <translation>Adresse&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="184"/>
        <source>Printer:</source>
        <translation>Imprimante&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="186"/>
        <source>Label si&amp;ze:</source>
        <translation>&amp;Format d’étiquette&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="187"/>
        <source>Printer &amp;resolution:</source>
        <translation>Ré&amp;solution de l’imprimante&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="188"/>
        <source>&amp;Test print</source>
        <translation>Imprimer un &amp;essai</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="224"/>
        <source>No clinic name yet: add it in Settings → Clinic.</source>
        <translation>Pas encore de nom de clinique&#xa0;: ajoutez-le dans Paramètres → Clinique.</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="225"/>
        <source>%1 (change it in Settings → Clinic)</source>
        <translation>%1 (à modifier dans Paramètres → Clinique)</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="268"/>
        <source>Choose the label printer.</source>
        <translation>Choisissez l’imprimante d’étiquettes.</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="279"/>
        <source>Clinic logo</source>
        <translation>Logo de la clinique</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="280"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="311"/>
        <source>Sending a test label…</source>
        <translation>Envoi d’une étiquette d’essai…</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="321"/>
        <source>Test label sent to %1. Scan its barcode: it should read SPOT-TEST-123.</source>
        <translation>Étiquette d’essai envoyée à %1. Balayez son code-barres&#xa0;: il doit donner SPOT-TEST-123.</translation>
    </message>
</context>
<context>
    <name>PrintingSettingsSection</name>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="371"/>
        <source>Printing</source>
        <translation>Impression</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="378"/>
        <source>Hand-out and la&amp;bels…</source>
        <translation>Feuillet et éti&amp;quettes…</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="395"/>
        <source>QR code to %1</source>
        <translation>code QR vers %1</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="396"/>
        <source>no web page for the QR code yet</source>
        <translation>pas encore de page Web pour le code QR</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="390"/>
        <source>labels on sheets</source>
        <translation>étiquettes sur planches</translation>
    </message>
    <message>
        <location filename="../../app/views/printing/settings_page.py" line="391"/>
        <location filename="../../app/views/printing/settings_page.py" line="393"/>
        <source>labels to %1</source>
        <translation>étiquettes vers %1</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="54"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="57"/>
        <source>Initials</source>
        <translation>Initiales</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="64"/>
        <source>PIN (4–12 digits)</source>
        <translation>NIP (4 à 12 chiffres)</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="65"/>
        <source>Passphrase (8 characters or more)</source>
        <translation>Phrase de passe (8 caractères ou plus)</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="68"/>
        <source>PIN or passphrase</source>
        <translation>NIP ou phrase de passe</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="71"/>
        <source>Type it again</source>
        <translation>Entrez-le de nouveau</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="77"/>
        <source>&amp;Name:</source>
        <translation>No&amp;m&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="78"/>
        <source>&amp;Initials:</source>
        <translation>&amp;Initiales&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="79"/>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="81"/>
        <source>&amp;Sign in with:</source>
        <translation>&amp;Se connecter avec&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="82"/>
        <source>PI&amp;N or passphrase:</source>
        <translation>NI&amp;P ou phrase de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="83"/>
        <source>&amp;Again:</source>
        <translation>&amp;Confirmer&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="117"/>
        <source>The two entries don&apos;t match.</source>
        <translation>Les deux entrées ne correspondent pas.</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="120"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <location filename="../../app/services/order_rules.py" line="51"/>
        <source>Awaiting fulfilment</source>
        <translation>En attente d’envoi</translation>
    </message>
    <message>
        <location filename="../../app/services/order_rules.py" line="52"/>
        <source>Kit preparing</source>
        <translation>En préparation</translation>
    </message>
    <message>
        <location filename="../../app/services/order_rules.py" line="53"/>
        <source>Kit shipped</source>
        <translation>Trousse expédiée</translation>
    </message>
    <message>
        <location filename="../../app/services/order_rules.py" line="54"/>
        <source>Kit delivered</source>
        <translation>Trousse livrée</translation>
    </message>
    <message>
        <location filename="../../app/services/order_rules.py" line="55"/>
        <source>Kit registered</source>
        <translation>Trousse enregistrée</translation>
    </message>
    <message>
        <location filename="../../app/services/order_rules.py" line="56"/>
        <source>Sample on its way</source>
        <translation>Échantillon en route</translation>
    </message>
    <message>
        <location filename="../../app/services/order_rules.py" line="57"/>
        <source>Sample at lab</source>
        <translation>Échantillon au labo</translation>
    </message>
    <message>
        <location filename="../../app/services/order_rules.py" line="58"/>
        <source>Partially resulted</source>
        <translation>Résultats partiels</translation>
    </message>
    <message>
        <location filename="../../app/services/order_rules.py" line="59"/>
        <source>Results ready</source>
        <translation>Résultats prêts</translation>
    </message>
    <message>
        <location filename="../../app/services/order_rules.py" line="60"/>
        <source>Canceled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../app/services/order_rules.py" line="61"/>
        <source>Delivery exception</source>
        <translation>Problème d’envoi</translation>
    </message>
    <message>
        <location filename="../../app/services/order_rules.py" line="63"/>
        <source>Collection exception</source>
        <translation>Prélèvement échoué</translation>
    </message>
</context>
<context>
    <name>RecipientFields</name>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="288"/>
        <source>Patient</source>
        <extracomment>A field the user just left (path); the owner may run slower checks (duplicates). The user confirmed or withdrew a &quot;Ship anyway&quot;.</extracomment>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="293"/>
        <source>&amp;First name</source>
        <translation>&amp;Prénom</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="297"/>
        <source>&amp;Last name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="300"/>
        <source>name@example.com</source>
        <translation>nom@exemple.com</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="301"/>
        <source>&amp;Email</source>
        <translation>Co&amp;urriel</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="304"/>
        <source>415-555-0123</source>
        <translation>415-555-0123</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="305"/>
        <source>P&amp;hone</source>
        <translation>Télép&amp;hone</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="310"/>
        <source>Shipping address</source>
        <translation>Adresse de livraison</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="316"/>
        <source>United States</source>
        <translation>États-Unis</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="317"/>
        <source>Canada</source>
        <translation>Canada</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="320"/>
        <source>C&amp;ountry</source>
        <translation>Pa&amp;ys</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="324"/>
        <source>Street and number, or paste a whole address</source>
        <translation>Numéro et rue, ou collez une adresse complète</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="327"/>
        <source>&amp;Street address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="335"/>
        <source>Apartment, suite, unit (optional)</source>
        <translation>Appartement, bureau, unité (facultatif)</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="336"/>
        <source>Line &amp;2</source>
        <translation>Ligne &amp;2</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="340"/>
        <source>Cit&amp;y</source>
        <translation>&amp;Ville</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="347"/>
        <location filename="../../app/views/common/address_fields.py" line="582"/>
        <source>S&amp;tate</source>
        <translation>É&amp;tat</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="352"/>
        <location filename="../../app/views/common/address_fields.py" line="583"/>
        <source>&amp;ZIP code</source>
        <translation>Code &amp;ZIP</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="566"/>
        <source>Choose a province or territory</source>
        <translation>Choisissez une province ou un territoire</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="569"/>
        <source>Choose a state</source>
        <translation>Choisissez un État</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="578"/>
        <source>Pro&amp;vince</source>
        <translation>Provinc&amp;e</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="579"/>
        <source>Postal &amp;code</source>
        <translation>Code pos&amp;tal</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="580"/>
        <source>A1A 1A1</source>
        <translation>A1A 1A1</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="584"/>
        <source>12345 or 12345-6789</source>
        <translation>12345 ou 12345-6789</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="627"/>
        <source>This looks like a whole address. Split it into the fields? %1</source>
        <translation>Ceci semble être une adresse complète. La répartir dans les champs? %1</translation>
    </message>
</context>
<context>
    <name>Regions</name>
    <message>
        <location filename="../../app/views/i18n.py" line="97"/>
        <source>British Columbia</source>
        <translation>Colombie-Britannique</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="98"/>
        <source>New Brunswick</source>
        <translation>Nouveau-Brunswick</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="99"/>
        <source>Newfoundland and Labrador</source>
        <translation>Terre-Neuve-et-Labrador</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="100"/>
        <source>Nova Scotia</source>
        <translation>Nouvelle-Écosse</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="101"/>
        <source>Northwest Territories</source>
        <translation>Territoires du Nord-Ouest</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="102"/>
        <source>Prince Edward Island</source>
        <translation>Île-du-Prince-Édouard</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="103"/>
        <source>Quebec</source>
        <translation>Québec</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="104"/>
        <source>California</source>
        <translation>Californie</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="105"/>
        <source>Florida</source>
        <translation>Floride</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="106"/>
        <source>Georgia</source>
        <translation>Géorgie</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="107"/>
        <source>Hawaii</source>
        <translation>Hawaï</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="108"/>
        <source>Louisiana</source>
        <translation>Louisiane</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="109"/>
        <source>New Mexico</source>
        <translation>Nouveau-Mexique</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="110"/>
        <source>North Carolina</source>
        <translation>Caroline du Nord</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="111"/>
        <source>North Dakota</source>
        <translation>Dakota du Nord</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="112"/>
        <source>Pennsylvania</source>
        <translation>Pennsylvanie</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="113"/>
        <source>South Carolina</source>
        <translation>Caroline du Sud</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="114"/>
        <source>South Dakota</source>
        <translation>Dakota du Sud</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="115"/>
        <source>Virginia</source>
        <translation>Virginie</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="116"/>
        <source>West Virginia</source>
        <translation>Virginie-Occidentale</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="117"/>
        <source>District of Columbia</source>
        <translation>District de Columbia</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="118"/>
        <source>Puerto Rico</source>
        <translation>Porto Rico</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="119"/>
        <source>U.S. Virgin Islands</source>
        <translation>Îles Vierges des États-Unis</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="120"/>
        <source>American Samoa</source>
        <translation>Samoa américaines</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="121"/>
        <source>Northern Mariana Islands</source>
        <translation>Îles Mariannes du Nord</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="122"/>
        <source>Federated States of Micronesia</source>
        <translation>États fédérés de Micronésie</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="123"/>
        <source>Marshall Islands</source>
        <translation>Îles Marshall</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="124"/>
        <source>Palau</source>
        <translation>Palaos</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="125"/>
        <source>Armed Forces Americas</source>
        <translation>Forces armées – Amériques</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="126"/>
        <source>Armed Forces Europe</source>
        <translation>Forces armées – Europe</translation>
    </message>
    <message>
        <location filename="../../app/views/i18n.py" line="127"/>
        <source>Armed Forces Pacific</source>
        <translation>Forces armées – Pacifique</translation>
    </message>
</context>
<context>
    <name>RegisterKitDialog</name>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="59"/>
        <source>Register a kit</source>
        <translation>Enregistrer une trousse</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="78"/>
        <source>Scan or type the kit id, then Enter</source>
        <translation>Balayez ou tapez l’ID de la trousse, puis Entrée</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="81"/>
        <source>&amp;Kit id</source>
        <translation>&amp;ID de la trousse</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="83"/>
        <source>Look &amp;up</source>
        <translation>&amp;Chercher</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="96"/>
        <source>Scan the kit&apos;s barcode to begin.</source>
        <translation>Balayez le code-barres de la trousse pour commencer.</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="99"/>
        <source>Register to</source>
        <translation>Enregistrer au nom de</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="106"/>
        <source>The patient &amp;agrees to their results being used for research</source>
        <translation>Le patient accepte que ses résultats servent à la &amp;recherche</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="129"/>
        <source>Reg&amp;istration token…</source>
        <translation>&amp;Jeton d’enregistrement…</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="132"/>
        <source>Give the patient a one-time token for your own registration page instead</source>
        <translation>Remettre plutôt au patient un jeton à usage unique pour votre propre page d’enregistrement</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="136"/>
        <location filename="../../app/views/desk/register_kit.py" line="371"/>
        <source>&amp;Register kit</source>
        <translation>Enre&amp;gistrer la trousse</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="140"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="145"/>
        <source>Print hand-out…</source>
        <translation>Imprimer le feuillet…</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="196"/>
        <source>Enter or scan the kit id first.</source>
        <translation>Tapez ou balayez d’abord l’ID de la trousse.</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="199"/>
        <source>Looking up kit %1…</source>
        <translation>Recherche de la trousse %1…</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="216"/>
        <source>Choose the patient first.</source>
        <translation>Choisissez d’abord le patient.</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="225"/>
        <source>Some details need fixing; see the messages under the fields.</source>
        <translation>Certains renseignements sont à corriger; voyez les messages sous les champs.</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="233"/>
        <location filename="../../app/views/desk/register_kit.py" line="371"/>
        <source>Registering…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="250"/>
        <source>Press Enter to look the kit up.</source>
        <translation>Appuyez sur Entrée pour chercher la trousse.</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="278"/>
        <source>Kit %1 is registered to the patient.</source>
        <translation>La trousse %1 est enregistrée au nom du patient.</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="290"/>
        <source>The patient hand-out for kit %1</source>
        <translation>Le feuillet du patient pour la trousse %1</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="304"/>
        <source>Spot didn&apos;t register the kit: %1</source>
        <translation>Spot n’a pas enregistré la trousse&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="339"/>
        <source>Kit %1 is already registered to a patient. A kit can be registered only once.</source>
        <translation>La trousse %1 est déjà enregistrée au nom d’un patient. Une trousse ne peut être enregistrée qu’une seule fois.</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="342"/>
        <source>Kit %1 was canceled, so it can&apos;t be registered.</source>
        <translation>La trousse %1 a été annulée; elle ne peut donc pas être enregistrée.</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="347"/>
        <source>Kit %1 was lost on its way to the patient (delivery exception), so it can&apos;t be registered.</source>
        <translation>La trousse %1 s’est perdue en route vers le patient (problème de livraison); elle ne peut donc pas être enregistrée.</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="351"/>
        <source>Spot has no kit %1. Check the id printed on the kit and scan it again.</source>
        <translation>Spot n’a aucune trousse %1. Vérifiez l’ID imprimé sur la trousse et balayez-la de nouveau.</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="355"/>
        <source>unknown type</source>
        <translation>type inconnu</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="358"/>
        <source>Kit %1 · %2 · %3</source>
        <translation>Trousse %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/register_kit.py" line="360"/>
        <source>no status</source>
        <translation>aucun statut</translation>
    </message>
</context>
<context>
    <name>RegistrationTokenDialog</name>
    <message>
        <location filename="../../app/views/desk/registration_token.py" line="169"/>
        <source>Patient registration token</source>
        <translation>Jeton d’enregistrement pour patient</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/registration_token.py" line="186"/>
        <source>A one-time token lets the patient register a kit on your own registration page without typing their details again. It works once and expires after 10 minutes.</source>
        <translation>Un jeton à usage unique permet au patient d’enregistrer une trousse sur votre propre page d’enregistrement sans retaper ses renseignements. Il ne fonctionne qu’une fois et expire après 10 minutes.</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/registration_token.py" line="194"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/registration_token.py" line="199"/>
        <source>New patient</source>
        <translation>Nouveau patient</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/registration_token.py" line="208"/>
        <source>Not needed (single-purpose kit)</source>
        <translation>Non requis (trousse à usage unique)</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/registration_token.py" line="212"/>
        <source>Kit &amp;type for a multi-purpose kit</source>
        <translation>Type de trousse (trousse &amp;multiusage)</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/registration_token.py" line="218"/>
        <location filename="../../app/views/desk/registration_token.py" line="340"/>
        <source>&amp;Generate token</source>
        <translation>&amp;Générer le jeton</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/registration_token.py" line="233"/>
        <source>Token for your registration page</source>
        <translation>Jeton pour votre page d’enregistrement</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/registration_token.py" line="239"/>
        <source>What to do with it: click Copy, open your clinic&apos;s kit registration page and paste the token into its registration token box. The page then registers the kit to this patient without asking for their details again. Use it within the time shown; it works only once.</source>
        <translation>Quoi en faire : cliquez sur Copier, ouvrez la page d’enregistrement des trousses de votre clinique et collez le jeton dans sa case « jeton d’enregistrement ». La page enregistre alors la trousse au nom de ce patient sans redemander ses renseignements. Utilisez-le dans le délai affiché; il ne fonctionne qu’une fois.</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/registration_token.py" line="254"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/registration_token.py" line="284"/>
        <source>Choose the patient first.</source>
        <translation>Choisissez d’abord le patient.</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/registration_token.py" line="296"/>
        <source>Some details need fixing; see the messages under the fields.</source>
        <translation>Certains renseignements sont à corriger; voyez les messages sous les champs.</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/registration_token.py" line="317"/>
        <source>Token ready. Copy it into your registration page now.</source>
        <translation>Jeton prêt. Copiez-le maintenant dans votre page d’enregistrement.</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/registration_token.py" line="340"/>
        <source>Generating…</source>
        <translation>Génération…</translation>
    </message>
</context>
<context>
    <name>ReportWindow</name>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="133"/>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/header.py" line="33"/>
        <source>Amended</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/header.py" line="37"/>
        <source>This report amends an earlier report.</source>
        <translation>Ce rapport modifie un rapport antérieur.</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="189"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="192"/>
        <source>Print the report</source>
        <translation>Imprimer le rapport</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="195"/>
        <source>&amp;Save as…</source>
        <translation>&amp;Enregistrer sous…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/output.py" line="214"/>
        <location filename="../../app/views/reports/report_viewer.py" line="198"/>
        <source>Save a copy of the report</source>
        <translation>Enregistrer une copie du rapport</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="201"/>
        <source>&amp;Open with system viewer</source>
        <translation>&amp;Ouvrir dans la visionneuse</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="206"/>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="209"/>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="212"/>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="216"/>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="219"/>
        <source>Actual size (100%)</source>
        <translation>Taille réelle (100&#xa0;%)</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="282"/>
        <source>Close the report (Esc)</source>
        <translation>Fermer le rapport (Échap)</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/pdf_toolbar.py" line="109"/>
        <location filename="../../app/views/reports/report_viewer.py" line="222"/>
        <source>Find in report</source>
        <translation>Rechercher dans le rapport</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="225"/>
        <source>Next match</source>
        <translation>Résultat suivant</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="228"/>
        <source>Previous match</source>
        <translation>Résultat précédent</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="233"/>
        <location filename="../../app/views/reports/report_viewer.py" line="279"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/pdf_toolbar.py" line="65"/>
        <source>◀ Previous</source>
        <translation>◀ Précédente</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/pdf_toolbar.py" line="69"/>
        <source>Page number</source>
        <translation>Numéro de page</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/pdf_toolbar.py" line="75"/>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/pdf_toolbar.py" line="80"/>
        <source>Next ▶</source>
        <translation>Suivante ▶</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/pdf_toolbar.py" line="88"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/pdf_toolbar.py" line="91"/>
        <location filename="../../app/views/reports/pdf_toolbar.py" line="207"/>
        <source>Fit width</source>
        <translation>Largeur</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/pdf_toolbar.py" line="92"/>
        <location filename="../../app/views/reports/pdf_toolbar.py" line="209"/>
        <source>Fit page</source>
        <translation>Page entière</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/pdf_toolbar.py" line="94"/>
        <location filename="../../app/views/reports/pdf_toolbar.py" line="211"/>
        <source>%1%</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/pdf_toolbar.py" line="108"/>
        <source>Find (Ctrl+F)</source>
        <translation>Rechercher (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/pages.py" line="32"/>
        <source>Downloading the report…</source>
        <translation>Téléchargement du rapport…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="251"/>
        <source>Text report</source>
        <translation>Rapport texte</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="253"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="254"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/pages.py" line="74"/>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="259"/>
        <source>No report open.</source>
        <translation>Aucun rapport ouvert.</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/header.py" line="72"/>
        <location filename="../../app/views/reports/header.py" line="92"/>
        <source>(no id)</source>
        <translation>(sans ID)</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/header.py" line="78"/>
        <source>Report for kit %1, %2</source>
        <translation>Rapport de la trousse %1, %2</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/header.py" line="79"/>
        <source>Report for kit %1</source>
        <translation>Rapport de la trousse %1</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/header.py" line="83"/>
        <source>Sample %1</source>
        <translation>Échantillon %1</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/header.py" line="85"/>
        <source>Collected %1</source>
        <translation>Prélevé le %1</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/header.py" line="87"/>
        <source>Received by lab %1</source>
        <translation>Reçu par le laboratoire le %1</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/header.py" line="88"/>
        <source>Report ID %1</source>
        <translation>No de rapport %1</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/header.py" line="94"/>
        <source>Replaces report %1 from %2</source>
        <translation>Remplace le rapport %1 du %2</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/header.py" line="98"/>
        <source>Replaces report %1</source>
        <translation>Remplace le rapport %1</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="352"/>
        <source>This report has no file yet</source>
        <translation>Ce rapport n’a pas encore de fichier</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="353"/>
        <source>Spot hasn&apos;t attached a PDF to it. Check again later.</source>
        <translation>Spot n’y a pas encore joint de PDF. Vérifiez plus tard.</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/pages.py" line="52"/>
        <source>%1 of %2 KB</source>
        <translation>%1 sur %2 Ko</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="421"/>
        <source>This report file is damaged</source>
        <translation>Le fichier de ce rapport est endommagé</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="423"/>
        <source>It can&apos;t be shown here. Try Open with system viewer, or ask Spot to re-issue the report.</source>
        <translation>Il ne peut pas être affiché ici. Essayez «&#xa0;Ouvrir dans la visionneuse&#xa0;» ou demandez à Spot de publier le rapport de nouveau.</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/report_viewer.py" line="474"/>
        <source>The text version couldn&apos;t be downloaded.
%1
%2</source>
        <translation>La version texte n’a pas pu être téléchargée.
%1
%2</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/pdf_toolbar.py" line="165"/>
        <source>of %1</source>
        <translation>sur %1</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/pdf_toolbar.py" line="172"/>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/pdf_toolbar.py" line="244"/>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/pdf_toolbar.py" line="245"/>
        <source>No matches</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/pdf_toolbar.py" line="249"/>
        <source>1 match</source>
        <translation>1 résultat</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/pdf_toolbar.py" line="251"/>
        <source>%1 matches</source>
        <translation>%1 résultats</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/pdf_toolbar.py" line="255"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/output.py" line="128"/>
        <source>Spot report %1</source>
        <translation>Rapport Spot %1</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/output.py" line="131"/>
        <source>Print report</source>
        <translation>Imprimer le rapport</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/output.py" line="145"/>
        <source>Sent the text report to the printer.</source>
        <translation>Rapport texte envoyé à l’imprimante.</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/output.py" line="157"/>
        <source>The printer couldn&apos;t be started. Check it is on.</source>
        <translation>Impossible de lancer l’impression. Vérifiez que l’imprimante est allumée.</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/output.py" line="172"/>
        <source>Sent 1 page to the printer.</source>
        <translation>1 page envoyée à l’imprimante.</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/output.py" line="174"/>
        <source>Sent %1 pages to the printer.</source>
        <translation>%1 pages envoyées à l’imprimante.</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/output.py" line="209"/>
        <source>Text files (*.txt)</source>
        <translation>Fichiers texte (*.txt)</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/output.py" line="210"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/output.py" line="236"/>
        <source>Saved a copy to %1</source>
        <translation>Copie enregistrée dans %1</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/output.py" line="244"/>
        <source>Couldn&apos;t save the copy: %1 %2</source>
        <translation>Impossible d’enregistrer la copie&#xa0;: %1 %2</translation>
    </message>
    <message>
        <location filename="../../app/views/reports/output.py" line="267"/>
        <source>No program on this computer opens this file. Use Save as… instead.</source>
        <translation>Aucun programme de cet ordinateur n’ouvre ce fichier. Utilisez plutôt Enregistrer sous…</translation>
    </message>
</context>
<context>
    <name>RequisitionDetail</name>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="229"/>
        <location filename="../../app/views/requisitions/view.py" line="278"/>
        <source>Choose a requisition to see its details.</source>
        <translation>Choisissez une requête pour en voir les détails.</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="237"/>
        <source>Pr&amp;int label…</source>
        <translation>&amp;Imprimer l’étiquette…</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="239"/>
        <source>Barcode, patient and lab, for the sample tube</source>
        <translation>Code-barres, patient et laboratoire, pour le tube d’échantillon</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="243"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="249"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="249"/>
        <source>Lab</source>
        <translation>Laboratoire</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="250"/>
        <source>Lab account</source>
        <translation>Compte du laboratoire</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="250"/>
        <source>Panels</source>
        <translation>Profils</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="251"/>
        <source>Collected in</source>
        <translation>Lieu de prélèvement</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="251"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="252"/>
        <source>Date of birth / sex</source>
        <translation>Date de naissance / sexe</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="252"/>
        <source>Contact</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="253"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="253"/>
        <source>Tracking</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="254"/>
        <source>Lab attributes</source>
        <translation>Attributs du laboratoire</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="255"/>
        <source>Notes for your records</source>
        <translation>Notes pour vos dossiers</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="256"/>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="256"/>
        <source>Requisition id</source>
        <translation>ID de la requête</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="265"/>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="283"/>
        <source>Barcode %1 — %2</source>
        <translation>Code-barres %1 — %2</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="310"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="343"/>
        <source>No report yet.</source>
        <translation>Aucun rapport pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="349"/>
        <source>Amended report</source>
        <translation>Rapport modifié</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="349"/>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="350"/>
        <source>%1 results</source>
        <translation>%1 résultats</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="353"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
</context>
<context>
    <name>RequisitionTableModel</name>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="144"/>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="144"/>
        <source>Barcode</source>
        <translation>Code-barres</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="144"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="144"/>
        <source>Lab</source>
        <translation>Laboratoire</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="145"/>
        <source>Panels</source>
        <translation>Profils</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="145"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>RequisitionsView</name>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="88"/>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="89"/>
        <source>Approved</source>
        <translation>Approuvée</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="90"/>
        <source>Denied</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="91"/>
        <source>Delivered to the lab</source>
        <translation>Échantillon livré au labo</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="92"/>
        <source>Delivery exception</source>
        <translation>Problème de livraison</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="93"/>
        <source>Received by the lab</source>
        <translation>Échantillon reçu au labo</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="94"/>
        <source>Extra quality checks</source>
        <translation>Contrôles de qualité supplémentaires</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="97"/>
        <source>Resulted</source>
        <translation>Résultats disponibles</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="98"/>
        <source>Rejected</source>
        <translation>Rejetée</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="63"/>
        <source>Requisitions are turned off for this Spot account.</source>
        <extracomment>The form&apos;s own field paths (the API&apos;s), in form order; patient fields are ``patient.*``.</extracomment>
        <translation>Les requêtes sont désactivées pour ce compte Spot.</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/form.py" line="69"/>
        <source>Ask Spot support to enable requisitioning for your account.</source>
        <translation>Demandez au soutien de Spot d’activer les requêtes pour votre compte.</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="431"/>
        <source>Any</source>
        <translation>Toute date</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="439"/>
        <source>&amp;New requisition…</source>
        <translation>&amp;Nouvelle requête…</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="442"/>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="457"/>
        <source>Find requisitions</source>
        <translation>Trouver des requêtes</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="461"/>
        <source>Exact first name</source>
        <translation>Prénom exact</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="462"/>
        <source>Exact last name</source>
        <translation>Nom exact</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="463"/>
        <source>name@example.com</source>
        <translation>nom@exemple.com</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="459"/>
        <source>Lab name as on the requisition</source>
        <translation>Nom du laboratoire, comme sur la réquisition</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="460"/>
        <source>Type it exactly as on the requisition, capitals too</source>
        <translation>Tapez-le exactement comme sur la réquisition, majuscules comprises</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="464"/>
        <source>Phone as on the requisition</source>
        <translation>Téléphone, comme sur la réquisition</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="467"/>
        <source>Any status</source>
        <translation>Tout statut</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="472"/>
        <source>&amp;Search</source>
        <translation>Re&amp;chercher</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="475"/>
        <source>Cle&amp;ar filters</source>
        <translation>Effacer les filtre&amp;s</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="478"/>
        <source>La&amp;b</source>
        <translation>&amp;Laboratoire</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="478"/>
        <source>&amp;First name</source>
        <translation>&amp;Prénom</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="479"/>
        <source>&amp;Last name</source>
        <translation>No&amp;m</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="479"/>
        <source>&amp;Email</source>
        <translation>Co&amp;urriel</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="480"/>
        <source>P&amp;hone</source>
        <translation>Télép&amp;hone</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="480"/>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatut</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="481"/>
        <source>Created fro&amp;m</source>
        <translation>Créée à partir &amp;du</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="482"/>
        <source>Created &amp;up to</source>
        <translation>Créée &amp;jusqu’au</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="516"/>
        <source>◀ &amp;Previous</source>
        <translation>◀ Précéd&amp;ente</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="519"/>
        <source>Ne&amp;xt ▶</source>
        <translation>Sui&amp;vante ▶</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="557"/>
        <source>Requisitions are for accounts that make their own collection kits and send samples straight to a lab. Kit orders are not affected.</source>
        <translation>Les requêtes s’adressent aux comptes qui fabriquent leurs propres trousses de prélèvement et envoient les échantillons directement à un laboratoire. Les commandes de trousses ne sont pas touchées.</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="561"/>
        <source>Check &amp;again</source>
        <translation>&amp;Vérifier de nouveau</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="637"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="658"/>
        <source>No requisitions match.</source>
        <translation>Aucune requête ne correspond.</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="659"/>
        <source>No requisitions yet.</source>
        <translation>Aucune requête pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="690"/>
        <source>Showing %1–%2</source>
        <translation>Affichage de %1 à %2</translation>
    </message>
    <message>
        <location filename="../../app/views/requisitions/view.py" line="724"/>
        <source>Requisition %1 created.</source>
        <translation>Requête %1 créée.</translation>
    </message>
</context>
<context>
    <name>ResultsTable</name>
    <message>
        <location filename="../../app/views/common/results_table.py" line="35"/>
        <source>Biomarker</source>
        <translation>Biomarqueur</translation>
    </message>
    <message>
        <location filename="../../app/views/common/results_table.py" line="36"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../app/views/common/results_table.py" line="37"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../app/views/common/results_table.py" line="38"/>
        <source>Reference range</source>
        <translation>Valeurs de référence</translation>
    </message>
    <message>
        <location filename="../../app/views/common/results_table.py" line="39"/>
        <source>Flag</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location filename="../../app/views/common/results_table.py" line="117"/>
        <source>High</source>
        <translation>Élevé</translation>
    </message>
    <message>
        <location filename="../../app/views/common/results_table.py" line="119"/>
        <source>Low</source>
        <translation>Bas</translation>
    </message>
    <message>
        <location filename="../../app/views/common/results_table.py" line="121"/>
        <source>Positive</source>
        <translation>Positif</translation>
    </message>
    <message>
        <location filename="../../app/views/common/results_table.py" line="149"/>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <location filename="../../app/views/common/results_table.py" line="160"/>
        <source>(unnamed)</source>
        <translation>(sans nom)</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../app/views/inbox/review_panel.py" line="52"/>
        <location filename="../../app/views/inbox/review_panel.py" line="116"/>
        <source>Choose a report and press Enter.</source>
        <translation>Choisissez un rapport et appuyez sur Entrée.</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/review_panel.py" line="80"/>
        <source>Note for the audit trail (optional)</source>
        <translation>Note pour la piste de vérification (facultative)</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/review_panel.py" line="81"/>
        <source>Note for the audit trail</source>
        <translation>Note pour la piste de vérification</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/review_panel.py" line="85"/>
        <source>Open report</source>
        <translation>Ouvrir le rapport</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/review_panel.py" line="87"/>
        <source>For a clinician</source>
        <translation>Pour un clinicien</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/review_panel.py" line="90"/>
        <source>Moves the report to the top of the inbox for the next clinician</source>
        <translation>Place le rapport en tête de la boîte de résultats pour le prochain clinicien</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/review_panel.py" line="92"/>
        <source>Sign off</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/review_panel.py" line="94"/>
        <location filename="../../app/views/inbox/review_panel.py" line="134"/>
        <source>Sign off this report for the whole clinic (Ctrl+Enter)</source>
        <translation>Signer ce rapport pour toute la clinique (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/review_panel.py" line="123"/>
        <source>No flags</source>
        <translation>Aucun indicateur</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/review_panel.py" line="125"/>
        <source>Changed from the report it replaces:</source>
        <translation>Changements par rapport au rapport remplacé :</translation>
    </message>
    <message>
        <location filename="../../app/views/inbox/review_panel.py" line="135"/>
        <source>Only clinicians and administrators sign off</source>
        <translation>Seuls les cliniciens et les administrateurs signent</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="39"/>
        <source>Front desk</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="40"/>
        <source>Clinician</source>
        <translation>Clinicien</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="41"/>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
</context>
<context>
    <name>SandboxBand</name>
    <message>
        <location filename="../../app/views/shell/session_marks.py" line="25"/>
        <source>Sandbox: test data only. Never enter a real patient here.</source>
        <translation>Bac à sable&#xa0;: données de test seulement. N’entrez jamais un vrai patient ici.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/session_marks.py" line="27"/>
        <source>Sandbox mode</source>
        <translation>Mode bac à sable</translation>
    </message>
</context>
<context>
    <name>SessionOnlyMark</name>
    <message>
        <location filename="../../app/views/shell/session_marks.py" line="54"/>
        <source>Token for this session only</source>
        <translation>Jeton pour cette session seulement</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/session_marks.py" line="56"/>
        <source>This computer has no password store, so the API token is not saved: you&apos;ll paste it again next time the app starts.</source>
        <translation>Cet ordinateur n’a pas de trousseau de mots de passe, le jeton d’API n’est donc pas enregistré&#xa0;: vous le collerez de nouveau au prochain démarrage de l’application.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/views/settings/dialog.py" line="54"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/dialog.py" line="70"/>
        <source>Sign in / change &amp;token…</source>
        <translation>Se connecter / changer de &amp;jeton…</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/dialog.py" line="72"/>
        <source>Spot account</source>
        <translation>Compte Spot</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/dialog.py" line="74"/>
        <source>Environment:</source>
        <translation>Environnement&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/dialog.py" line="79"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/dialog.py" line="81"/>
        <source>Refresh interval in seconds</source>
        <translation>Fréquence d’actualisation en secondes</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/dialog.py" line="82"/>
        <source>&amp;Refresh the order list every:</source>
        <translation>&amp;Actualiser la liste des commandes toutes les&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/dialog.py" line="90"/>
        <source>Kit type ID</source>
        <translation>ID du type</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/dialog.py" line="90"/>
        <source>Friendly name</source>
        <translation>Nom usuel</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/dialog.py" line="101"/>
        <source>&amp;Add kit type</source>
        <translation>Ajouter un &amp;type de trousse</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/dialog.py" line="103"/>
        <source>Re&amp;move</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/dialog.py" line="108"/>
        <source>Use your Spot account&apos;s own kit type IDs: they are listed on Spot&apos;s dashboard and in your onboarding documents (ask your Spot contact if unsure). The app fills in the IDs found on your account&apos;s orders; give each a name the desk recognises.</source>
        <translation>Utilisez les identifiants de types de trousses de votre compte Spot&#xa0;: ils figurent dans le tableau de bord de Spot et dans vos documents d’intégration (en cas de doute, demandez à votre contact chez Spot). L’application ajoute ceux trouvés dans les commandes de votre compte; donnez à chacun un nom que l’accueil reconnaît.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/dialog.py" line="113"/>
        <source>Kit types ({environment})</source>
        <translation>Types de trousses ({environment})</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/dialog.py" line="130"/>
        <source>These are the kit types this environment offers.</source>
        <translation>Les types de trousses offerts par cet environnement.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/dialog.py" line="228"/>
        <source>Each kit type ID may appear once: {ids}</source>
        <translation>Chaque ID de type de trousse ne peut figurer qu’une fois&#xa0;: {ids}</translation>
    </message>
</context>
<context>
    <name>SetupFile</name>
    <message>
        <location filename="../../app/views/settings/setup_io.py" line="44"/>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/setup_io.py" line="45"/>
        <source>Kit types</source>
        <translation>Types de trousses</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/setup_io.py" line="46"/>
        <source>Refresh interval (seconds)</source>
        <translation>Intervalle d’actualisation (secondes)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/setup_io.py" line="47"/>
        <source>Clinic name and phone</source>
        <translation>Nom et téléphone de la clinique</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/setup_io.py" line="48"/>
        <source>Printing</source>
        <translation>Impression</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/setup_io.py" line="49"/>
        <source>Screen lock</source>
        <translation>Verrouillage de l’écran</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/setup_io.py" line="50"/>
        <source>Results inbox (critical limits, go-live date)</source>
        <translation>Boîte de résultats (limites critiques, date de mise en service)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/setup_io.py" line="53"/>
        <source>Clinic setup (*.json)</source>
        <translation>Configuration de clinique (*.json)</translation>
    </message>
</context>
<context>
    <name>SetupTransfer</name>
    <message>
        <location filename="../../app/views/settings/setup_io.py" line="209"/>
        <source>Export clinic setup</source>
        <translation>Exporter la configuration de la clinique</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/setup_io.py" line="214"/>
        <location filename="../../app/views/settings/setup_io.py" line="252"/>
        <source>Import clinic setup</source>
        <translation>Importer la configuration de la clinique</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/setup_io.py" line="235"/>
        <source>Setup exported</source>
        <translation>Configuration exportée</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/setup_io.py" line="236"/>
        <source>Import this file on the clinic&apos;s other desks (File → Import clinic setup…). It holds no token, PIN or patient data.</source>
        <translation>Importez ce fichier sur les autres postes de la clinique (Fichier → Importer la configuration de la clinique…). Il ne contient ni jeton, ni NIP, ni données de patients.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/setup_io.py" line="248"/>
        <source>Nothing to import</source>
        <translation>Rien à importer</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/setup_io.py" line="249"/>
        <source>This desk already has that setup.</source>
        <translation>Ce poste a déjà cette configuration.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/setup_io.py" line="253"/>
        <source>Importing this setup changes:</source>
        <translation>Importer cette configuration change&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/setup_io.py" line="258"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location filename="../../app/views/settings/setup_io.py" line="272"/>
        <source>The setup wasn&apos;t imported</source>
        <translation>La configuration n’a pas été importée</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="73"/>
        <source>Sign in to Spot</source>
        <translation>Connexion à Spot</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="86"/>
        <source>Production (app.spotdx.com)</source>
        <translation>Production (app.spotdx.com)</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="87"/>
        <source>Sandbox (built-in, no token needed)</source>
        <translation>Bac à sable (intégré, sans jeton)</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="88"/>
        <source>Custom URL</source>
        <translation>URL personnalisée</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="93"/>
        <source>Server &amp;address:</source>
        <translation>&amp;Adresse du serveur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="98"/>
        <source>Paste the API token from Spot</source>
        <translation>Collez le jeton d’API fourni par Spot</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="99"/>
        <source>API token</source>
        <translation>Jeton d’API</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="100"/>
        <source>Show token</source>
        <translation>Afficher le jeton</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="104"/>
        <source>S&amp;how</source>
        <translation>Affic&amp;her</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="107"/>
        <source>API &amp;token:</source>
        <translation>&amp;Jeton d’API&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="109"/>
        <source>&amp;Remember on this computer</source>
        <translation>&amp;Mémoriser sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="115"/>
        <source>Test &amp;connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="121"/>
        <source>Use for this session &amp;only</source>
        <translation>Pour cette &amp;session seulement</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="128"/>
        <source>&amp;Sign in</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="138"/>
        <source>&amp;Environment:</source>
        <translation>&amp;Environnement&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="173"/>
        <source>This computer has no password store: the token is kept for this session only (you&apos;ll paste it again next time the app starts).</source>
        <translation>Cet ordinateur n’a pas de trousseau de mots de passe&#xa0;: le jeton est conservé pour cette session seulement (vous le collerez de nouveau au prochain démarrage de l’application).</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="252"/>
        <source>Paste the API token first.</source>
        <translation>Collez d’abord le jeton d’API.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="263"/>
        <source>Testing the connection…</source>
        <translation>Test de la connexion…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="289"/>
        <source>Starting the built-in sandbox…</source>
        <translation>Démarrage du bac à sable intégré…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="306"/>
        <source>Checking the token…</source>
        <translation>Vérification du jeton…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="327"/>
        <source>Looking for a saved token…</source>
        <translation>Recherche d’un jeton enregistré…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in.py" line="366"/>
        <source>Saving the token in this computer&apos;s password store…</source>
        <translation>Enregistrement du jeton dans le trousseau de mots de passe de cet ordinateur…</translation>
    </message>
</context>
<context>
    <name>SignInPrompt</name>
    <message>
        <location filename="../../app/views/shell/sign_in_prompt.py" line="19"/>
        <source>Sign in to see orders.</source>
        <translation>Connectez-vous pour voir les commandes.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sign_in_prompt.py" line="21"/>
        <source>Sign in…</source>
        <translation>Se connecter…</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../app/instance.py" line="167"/>
        <source>Waiting for Spot Front Desk to finish closing…</source>
        <translation>En attente de la fermeture de Spot Front Desk…</translation>
    </message>
    <message>
        <location filename="../../app/instance.py" line="169"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>StaffPicker</name>
    <message>
        <location filename="../../app/views/staff/lock_screen.py" line="57"/>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
</context>
<context>
    <name>StaffProfilesDialog</name>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="135"/>
        <source>Staff profiles</source>
        <translation>Profils du personnel</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="143"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="143"/>
        <source>Initials</source>
        <translation>Initiales</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="144"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="153"/>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="155"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="157"/>
        <source>Reset &amp;PIN…</source>
        <translation>Réinitialiser le &amp;NIP…</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="159"/>
        <source>Re&amp;move</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="196"/>
        <source>Only an administrator can change profiles.</source>
        <translation>Seul un administrateur peut modifier les profils.</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="223"/>
        <source>Add staff</source>
        <translation>Ajouter du personnel</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="239"/>
        <source>Edit {name}</source>
        <translation>Modifier {name}</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="254"/>
        <source>New PIN for {name}</source>
        <translation>Nouveau NIP pour {name}</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="271"/>
        <source>Remove profile</source>
        <translation>Retirer le profil</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/profiles.py" line="272"/>
        <source>Remove {name}? They will no longer be able to sign in here. The audit trail keeps what they did.</source>
        <translation>Retirer {name}&#xa0;? Cette personne ne pourra plus se connecter ici. La piste d’audit garde ce qu’elle a fait.</translation>
    </message>
</context>
<context>
    <name>StaffShell</name>
    <message>
        <location filename="../../app/views/shell/staff_shell.py" line="84"/>
        <source>S&amp;taff</source>
        <translation>&amp;Personnel</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/staff_shell.py" line="86"/>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/staff_shell.py" line="92"/>
        <source>&amp;Sign out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/staff_shell.py" line="94"/>
        <source>Staff &amp;profiles…</source>
        <translation>&amp;Profils du personnel…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/staff_shell.py" line="96"/>
        <source>&amp;Audit trail…</source>
        <translation>Piste d’&amp;audit…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/staff_shell.py" line="98"/>
        <source>Lock and audit &amp;settings…</source>
        <translation>Pa&amp;ramètres de verrouillage et d’audit…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/staff_shell.py" line="155"/>
        <source>Sign-in to Spot needed</source>
        <translation>Connexion à Spot requise</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/staff_shell.py" line="156"/>
        <source>Only an administrator can enter the Spot token. Ask one to take over (Ctrl+L, their name and PIN) and sign in from the File menu.</source>
        <translation>Seul un administrateur peut entrer le jeton Spot. Demandez-lui de prendre le relais (Ctrl+L, son nom et son NIP) et de se connecter depuis le menu Fichier.</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/staff_shell.py" line="180"/>
        <source>Signed in: {name} ({initials})</source>
        <translation>Connecté&#xa0;: {name} ({initials})</translation>
    </message>
</context>
<context>
    <name>TokenCountdown</name>
    <message>
        <location filename="../../app/views/desk/registration_token.py" line="70"/>
        <source>No token yet</source>
        <translation>Aucun jeton pour l’instant</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/registration_token.py" line="71"/>
        <source>Registration token</source>
        <translation>Jeton d’enregistrement</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/registration_token.py" line="75"/>
        <location filename="../../app/views/desk/registration_token.py" line="155"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/registration_token.py" line="124"/>
        <source>Expired — generate a new one</source>
        <translation>Expiré — générez-en un nouveau</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/registration_token.py" line="135"/>
        <source>Valid for %1 — works once</source>
        <translation>Valide pendant %1 — fonctionne une seule fois</translation>
    </message>
    <message>
        <location filename="../../app/views/desk/registration_token.py" line="146"/>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <location filename="../../app/validation/address.py" line="48"/>
        <source>Address line 1</source>
        <translation>Ligne d’adresse 1</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="49"/>
        <source>Address line 2</source>
        <translation>Ligne d’adresse 2</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="50"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="52"/>
        <location filename="../../app/validation/contact.py" line="22"/>
        <location filename="../../app/validation/recipient.py" line="79"/>
        <location filename="../../app/validation/recipient.py" line="91"/>
        <source>Enter this as text</source>
        <translation>Entrez ceci sous forme de texte</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="107"/>
        <source>Enter the street address</source>
        <translation>Entrez l’adresse</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="110"/>
        <source>Enter the city</source>
        <translation>Entrez la ville</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="116"/>
        <source>Couriers other than USPS cannot deliver to a PO Box; use a street address if possible</source>
        <translation>Les transporteurs autres qu’USPS ne livrent pas aux cases postales (PO Box); utilisez une adresse municipale si possible</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="127"/>
        <source>{label} is longer than {max} characters; postal scanners may not read it</source>
        <translation>{label} dépasse {max} caractères; les lecteurs postaux pourraient ne pas la lire</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="139"/>
        <source>{label} has more than {max} words; postal scanners may not read it</source>
        <translation>{label} compte plus de {max} mots; les lecteurs postaux pourraient ne pas la lire</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="155"/>
        <location filename="../../app/validation/address.py" line="389"/>
        <source>Choose the state</source>
        <translation>Choisissez l’État</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="161"/>
        <source>That is a Canadian province; choose Canada as the country</source>
        <translation>C’est une province canadienne; choisissez Canada comme pays</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="170"/>
        <source>Choose a US state or territory (for example CA or NY)</source>
        <translation>Choisissez un État ou un territoire américain (par exemple CA ou NY)</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="181"/>
        <source>Spot may not ship to {name} ({code}); confirm with Spot before ordering</source>
        <translation>Spot n’expédie peut-être pas à cette destination&#xa0;: {name} ({code}); vérifiez auprès de Spot avant de commander</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="194"/>
        <source>Military addresses (AA, AE, AP) need APO, FPO or DPO as the city</source>
        <translation>Les adresses militaires (AA, AE, AP) exigent APO, FPO ou DPO comme ville</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="204"/>
        <source>APO, FPO and DPO addresses need AA, AE or AP as the state</source>
        <translation>Les adresses APO, FPO et DPO exigent AA, AE ou AP comme État</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="211"/>
        <location filename="../../app/validation/address.py" line="393"/>
        <source>Enter the ZIP code</source>
        <translation>Entrez le code ZIP</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="219"/>
        <source>That is a Canadian postal code; choose Canada as the country</source>
        <translation>C’est un code postal canadien; choisissez Canada comme pays</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="228"/>
        <source>Enter a ZIP code like 12345 or 12345-6789</source>
        <translation>Entrez un code ZIP comme 12345 ou 12345-6789</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="238"/>
        <source>ZIP code {zip} is not in use; check it</source>
        <translation>Le code ZIP {zip} n’est pas utilisé; vérifiez-le</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="246"/>
        <source>ZIP code {zip} belongs to {owners}, not {name} ({code})</source>
        <translation>Code ZIP {zip}&#xa0;: {owners}, mais l’État choisi est {name} ({code})</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="265"/>
        <source>Choose the province or territory</source>
        <translation>Choisissez la province ou le territoire</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="273"/>
        <source>That is a US state; choose United States as the country</source>
        <translation>C’est un État américain; choisissez États-Unis comme pays</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="282"/>
        <source>Choose a Canadian province or territory (for example ON or QC)</source>
        <translation>Choisissez une province ou un territoire canadien (par exemple ON ou QC)</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="291"/>
        <source>Enter the postal code</source>
        <translation>Entrez le code postal</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="299"/>
        <source>Canadian postal codes never contain D, F, I, O, Q or U</source>
        <translation>Les codes postaux canadiens ne contiennent jamais D, F, I, O, Q ni U</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="310"/>
        <source>That is a US ZIP code; choose United States as the country</source>
        <translation>C’est un code ZIP américain; choisissez États-Unis comme pays</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="319"/>
        <source>Enter a postal code like K1A 0B1</source>
        <translation>Entrez un code postal comme K1A 0B1</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="327"/>
        <source>Canadian postal codes never start with W or Z</source>
        <translation>Les codes postaux canadiens ne commencent jamais par W ni par Z</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="336"/>
        <source>H0H 0H0 is Santa Claus&apos;s postal code; enter the real one</source>
        <translation>H0H 0H0 est le code postal du père Noël; entrez le vrai code</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="346"/>
        <source>Postal code {postal} is in {owners}, not {name} ({code})</source>
        <translation>Code postal {postal}&#xa0;: {owners}, mais la province choisie est {name} ({code})</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="383"/>
        <source>Choose the country (United States or Canada)</source>
        <translation>Choisissez le pays (États-Unis ou Canada)</translation>
    </message>
    <message>
        <location filename="../../app/validation/address.py" line="403"/>
        <source>Spot ships only to the United States (US) and Canada (CA)</source>
        <translation>Spot expédie seulement aux États-Unis (US) et au Canada (CA)</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="34"/>
        <source>Enter the {label}</source>
        <translation>Entrez le {label}</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="39"/>
        <source>{title} can&apos;t be longer than {max} characters</source>
        <translation>Le {label} ne peut pas dépasser {max} caractères</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="50"/>
        <source>{title} contains characters that can&apos;t be printed</source>
        <translation>Le {label} contient des caractères non imprimables</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="61"/>
        <source>{title} must contain letters</source>
        <translation>Le {label} doit contenir des lettres</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="71"/>
        <source>{title} contains a digit; check it</source>
        <translation>Le {label} contient un chiffre; vérifiez-le</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="83"/>
        <source>{title} contains unusual characters; check it</source>
        <translation>Le {label} contient des caractères inhabituels; vérifiez-le</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="110"/>
        <source>Enter a phone number</source>
        <translation>Entrez un numéro de téléphone</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="116"/>
        <source>Enter a 10-digit phone number, like 415-555-0123</source>
        <translation>Entrez un numéro de téléphone à 10 chiffres, comme 415-555-0123</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="123"/>
        <source>Enter a US or Canadian phone number (country code +1)</source>
        <translation>Entrez un numéro de téléphone américain ou canadien (indicatif de pays +1)</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="134"/>
        <source>A phone number has 10 digits (area code and number); this one has {count}</source>
        <translation>Un numéro de téléphone compte 10 chiffres (indicatif régional et numéro); celui-ci en compte {count}</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="146"/>
        <source>Area code {area} is not valid: area codes never start with 0 or 1</source>
        <translation>L’indicatif régional {area} n’est pas valide&#xa0;: un indicatif ne commence jamais par 0 ou 1</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="157"/>
        <source>Area code {area} is not valid: it is a service code like 911</source>
        <translation>L’indicatif régional {area} n’est pas valide&#xa0;: c’est un code de service comme le 911</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="167"/>
        <source>{area}-{exchange} is not valid: the 3 digits after the area code never start with 0 or 1</source>
        <translation>{area}-{exchange} n’est pas valide&#xa0;: les 3 chiffres après l’indicatif régional ne commencent jamais par 0 ou 1</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="180"/>
        <source>{area}-{exchange} is not valid: {exchange} is a service code like 911</source>
        <translation>{area}-{exchange} n’est pas valide&#xa0;: {exchange} est un code de service comme le 911</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="193"/>
        <source>Area code {area} is not in use in the US or Canada; check the number</source>
        <translation>L’indicatif régional {area} n’est pas utilisé aux États-Unis ni au Canada; vérifiez le numéro</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="204"/>
        <source>Area code {area} is not a US or Canadian area code</source>
        <translation>L’indicatif régional {area} n’est ni américain ni canadien</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="212"/>
        <source>Area code {area} is Canadian, but the address is in the US</source>
        <translation>L’indicatif régional {area} est canadien, mais l’adresse est aux États-Unis</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="216"/>
        <source>Area code {area} is a US area code, but the address is in Canada</source>
        <translation>L’indicatif régional {area} est américain, mais l’adresse est au Canada</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="224"/>
        <source>555-0100 to 555-0199 numbers are fictional; enter the patient&apos;s real number</source>
        <translation>Les numéros 555-0100 à 555-0199 sont fictifs; entrez le vrai numéro du patient</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="258"/>
        <source>Enter an email address</source>
        <translation>Entrez une adresse courriel</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="263"/>
        <source>An email address needs an @, like name@example.com</source>
        <translation>Une adresse courriel doit contenir un @, comme nom@exemple.com</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="270"/>
        <source>An email address can&apos;t contain spaces</source>
        <translation>Une adresse courriel ne peut pas contenir d’espaces</translation>
    </message>
    <message>
        <location filename="../../app/validation/contact.py" line="278"/>
        <source>Enter a valid email address, like name@example.com</source>
        <translation>Entrez une adresse courriel valide, comme nom@exemple.com</translation>
    </message>
    <message>
        <location filename="../../app/validation/recipient.py" line="32"/>
        <source>first name</source>
        <translation>prénom</translation>
    </message>
    <message>
        <location filename="../../app/validation/recipient.py" line="35"/>
        <source>last name</source>
        <translation>nom</translation>
    </message>
    <message>
        <location filename="../../app/validation/recipient.py" line="81"/>
        <source>Choose the sex (M or F)</source>
        <translation>Choisissez le sexe (M ou F)</translation>
    </message>
    <message>
        <location filename="../../app/validation/recipient.py" line="83"/>
        <source>Sex must be M or F</source>
        <translation>Le sexe doit être M ou F</translation>
    </message>
    <message>
        <location filename="../../app/validation/dates.py" line="162"/>
        <location filename="../../app/validation/recipient.py" line="93"/>
        <source>Enter the date of birth</source>
        <translation>Entrez la date de naissance</translation>
    </message>
    <message>
        <location filename="../../app/validation/recipient.py" line="98"/>
        <source>Enter the date of birth as YYYY-MM-DD, like 1980-04-30</source>
        <translation>Entrez la date de naissance au format AAAA-MM-JJ, comme 1980-04-30</translation>
    </message>
    <message>
        <location filename="../../app/validation/dates.py" line="79"/>
        <source>Can&apos;t read this date; type it like 1980-03-15</source>
        <translation>Date illisible; tapez-la comme 1980-03-15</translation>
    </message>
    <message>
        <location filename="../../app/validation/dates.py" line="85"/>
        <location filename="../../app/validation/recipient.py" line="109"/>
        <source>That date does not exist; check the day and month</source>
        <translation>Cette date n’existe pas; vérifiez le jour et le mois</translation>
    </message>
    <message>
        <location filename="../../app/validation/dates.py" line="172"/>
        <location filename="../../app/validation/recipient.py" line="116"/>
        <source>Date of birth can&apos;t be in the future</source>
        <translation>La date de naissance ne peut pas être dans le futur</translation>
    </message>
    <message>
        <location filename="../../app/validation/dates.py" line="176"/>
        <location filename="../../app/validation/recipient.py" line="123"/>
        <source>Date of birth is more than {years} years ago; check the year</source>
        <translation>La date de naissance remonte à plus de {years} ans; vérifiez l’année</translation>
    </message>
    <message>
        <location filename="../../app/services/requisitions.py" line="199"/>
        <source>Keep this under {max} characters</source>
        <translation>Ne dépassez pas {max} caractères</translation>
    </message>
    <message>
        <location filename="../../app/services/requisitions.py" line="209"/>
        <source>Enter or scan the barcode on the sample</source>
        <translation>Tapez ou balayez le code-barres de l’échantillon</translation>
    </message>
    <message>
        <location filename="../../app/services/requisitions.py" line="213"/>
        <source>A barcode has no spaces; scan it again</source>
        <translation>Un code-barres ne contient pas d’espaces; balayez-le de nouveau</translation>
    </message>
    <message>
        <location filename="../../app/services/requisitions.py" line="217"/>
        <source>Enter the lab, like CRL</source>
        <translation>Entrez le laboratoire, par exemple CRL</translation>
    </message>
    <message>
        <location filename="../../app/services/requisitions.py" line="219"/>
        <source>Enter the lab account number</source>
        <translation>Entrez le numéro de compte du laboratoire</translation>
    </message>
    <message>
        <location filename="../../app/services/requisitions.py" line="223"/>
        <source>Enter at least one panel code</source>
        <translation>Entrez au moins un code de profil</translation>
    </message>
    <message>
        <location filename="../../app/services/requisitions.py" line="228"/>
        <source>Choose the state or province where the sample was collected</source>
        <translation>Choisissez la province ou l’État où l’échantillon a été prélevé</translation>
    </message>
    <message>
        <location filename="../../app/services/requisitions.py" line="246"/>
        <source>Enter the tracking number, or leave the carrier empty</source>
        <translation>Entrez le numéro de suivi, ou laissez le transporteur vide</translation>
    </message>
    <message>
        <location filename="../../app/services/requisitions.py" line="253"/>
        <source>Choose the carrier for this tracking number</source>
        <translation>Choisissez le transporteur de ce numéro de suivi</translation>
    </message>
    <message>
        <location filename="../../app/services/requisitions.py" line="258"/>
        <source>Carrier must be USPS, UPS or FedEx</source>
        <translation>Le transporteur doit être USPS, UPS ou FedEx</translation>
    </message>
    <message>
        <location filename="../../app/services/requisitions.py" line="266"/>
        <source>CRL slip ID: letters and digits only, at most 10</source>
        <translation>ID du bordereau CRL&#xa0;: lettres et chiffres seulement, 10 au maximum</translation>
    </message>
    <message>
        <location filename="../../app/services/requisitions.py" line="272"/>
        <source>CRL tier 3 account number: exactly 8 letters and digits</source>
        <translation>Numéro de compte CRL de niveau 3&#xa0;: exactement 8 lettres et chiffres</translation>
    </message>
</context>
<context>
    <name>Worklist</name>
    <message>
        <location filename="../../app/services/worklist.py" line="46"/>
        <source>Delivered, not registered</source>
        <translation>Livrée, non enregistrée</translation>
    </message>
    <message>
        <location filename="../../app/services/worklist.py" line="47"/>
        <source>Registered, no sample sent</source>
        <translation>Enregistrée, aucun échantillon envoyé</translation>
    </message>
    <message>
        <location filename="../../app/services/worklist.py" line="48"/>
        <source>Sample in transit too long</source>
        <translation>Échantillon en transit depuis trop longtemps</translation>
    </message>
    <message>
        <location filename="../../app/services/worklist.py" line="49"/>
        <source>Delivery or collection exception</source>
        <translation>Problème de livraison ou de prélèvement</translation>
    </message>
    <message>
        <location filename="../../app/services/worklist.py" line="225"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../app/services/worklist.py" line="226"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../app/services/worklist.py" line="227"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../app/services/worklist.py" line="228"/>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../../app/services/worklist.py" line="229"/>
        <source>Kit</source>
        <translation>Trousse</translation>
    </message>
    <message>
        <location filename="../../app/services/worklist.py" line="230"/>
        <source>Kit type</source>
        <translation>Type de trousse</translation>
    </message>
    <message>
        <location filename="../../app/services/worklist.py" line="231"/>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../app/services/worklist.py" line="232"/>
        <source>Days waiting</source>
        <translation>Jours d’attente</translation>
    </message>
    <message>
        <location filename="../../app/services/worklist.py" line="233"/>
        <source>Last contact</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <location filename="../../app/services/worklist.py" line="234"/>
        <source>Last contact date</source>
        <translation>Date du dernier contact</translation>
    </message>
    <message>
        <location filename="../../app/services/worklist.py" line="235"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="57"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="57"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="57"/>
        <source>Kit</source>
        <translation>Trousse</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="57"/>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="58"/>
        <source>Days waiting</source>
        <translation>Jours d’attente</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="58"/>
        <source>Last contact</source>
        <translation>Dernier contact</translation>
    </message>
</context>
<context>
    <name>WorklistView</name>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="163"/>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="165"/>
        <source>&amp;Log contact…</source>
        <translation>&amp;Noter un contact…</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="168"/>
        <source>Reminder &amp;letters…</source>
        <translation>&amp;Lettres de rappel…</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="170"/>
        <source>Save letters as &amp;PDF…</source>
        <translation>Enregistrer les lettres en &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="172"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="194"/>
        <source>Looking for kits that have not come back…</source>
        <translation>Recherche des trousses non retournées…</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="202"/>
        <source>{n} kits to follow up</source>
        <translation>{n} trousses à suivre</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="217"/>
        <source>Select one kit to log a contact attempt.</source>
        <translation>Sélectionnez une trousse pour noter une tentative de contact.</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="231"/>
        <source>Sign in first: the contact attempt was not saved.</source>
        <translation>Connectez-vous d’abord : la tentative de contact n’a pas été enregistrée.</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="234"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="245"/>
        <source>Contact attempt saved in Spot.</source>
        <translation>Tentative de contact enregistrée dans Spot.</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="250"/>
        <source>Select the patients to write to.</source>
        <translation>Sélectionnez les patients à qui écrire.</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="262"/>
        <source>Save letters as PDF</source>
        <translation>Enregistrer les lettres en PDF</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="264"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="268"/>
        <source>{n} letters saved.</source>
        <translation>{n} lettres enregistrées.</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="273"/>
        <source>Export the worklist</source>
        <translation>Exporter la liste de suivi</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="275"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/views/outreach/worklist_view.py" line="285"/>
        <source>Worklist exported.</source>
        <translation>Liste de suivi exportée.</translation>
    </message>
</context>
<context>
    <name>WorkstationSettingsDialog</name>
    <message>
        <location filename="../../app/views/staff/settings.py" line="37"/>
        <source>Lock and audit settings</source>
        <translation>Paramètres de verrouillage et d’audit</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/settings.py" line="43"/>
        <source> min</source>
        <translation>&#xa0;min</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/settings.py" line="45"/>
        <source>Lock after minutes without use</source>
        <translation>Verrouiller après ce nombre de minutes d’inactivité</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/settings.py" line="48"/>
        <source> years</source>
        <translation>&#xa0;ans</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/settings.py" line="50"/>
        <source>Keep audit records for years</source>
        <translation>Conserver les enregistrements d’audit pendant ce nombre d’années</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/settings.py" line="58"/>
        <source>&amp;Lock after no use for:</source>
        <translation>&amp;Verrouiller après une inactivité de&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/settings.py" line="59"/>
        <source>&amp;Keep audit records for:</source>
        <translation>&amp;Conserver les enregistrements d’audit&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../app/views/staff/settings.py" line="75"/>
        <source>HIPAA asks for {n} years of documentation; check with your privacy officer before keeping less.</source>
        <translation>La HIPAA exige {n}&#xa0;ans de documentation&#xa0;; consultez votre responsable de la protection des renseignements personnels avant de conserver moins.</translation>
    </message>
</context>
<context>
    <name>_SplitBar</name>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="167"/>
        <source>Spl&amp;it</source>
        <translation>&amp;Séparer</translation>
    </message>
    <message>
        <location filename="../../app/views/common/address_fields.py" line="169"/>
        <source>Keep &amp;my typing</source>
        <translation>Garder tel que&amp;l</translation>
    </message>
</context>
</TS>
