"""Stand-in for xmodule.modulestore.modulestore_settings: the doc-store settings go into every Mongo store."""


def update_module_store_settings(module_store_setting, doc_store_settings=None, module_store_options=None,
                                 xml_store_options=None, default_store=None, mappings=None):
    for store in module_store_setting["default"]["OPTIONS"]["stores"]:
        store["OPTIONS"].update(module_store_options or {})
        store["DOC_STORE_CONFIG"].update(doc_store_settings or {})
