"""The views: Qt widgets, dialogs, item models and delegates, one package per feature.

    shell/         the main window: actions, menus, status bar, sign-in, child windows
    orders/        the order list: table model, badge delegate, Find kit by barcode
    kit_panel/     the detail panel: recipient, metadata, each kit's journeys and reports
    new_order/     the order form: fields, kits, drafts, duplicates, sending
    desk/          at the counter: register a kit, a patient registration token
    requisitions/  requisitions list, detail and form
    reports/       the report viewer: PDF pane, toolbar, header, print and save
    settings/      the settings dialog
    common/        shared widgets and helpers: address and patient fields, metadata editor,
                   timeline, results table, message strips, labels, dates, change events

Features never import each other (an import-linter contract): they meet through ``common``
(e.g. ``AppEvents``) and the shell, which builds them and wires them together.
"""
