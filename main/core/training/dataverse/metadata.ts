import { createHash } from 'node:crypto';
import { badQuery, ODataError } from './odata-error';
import type { Column, TableDefinition } from './schema';
import type { TrainingStore } from './store';

/**
 * Table definitions (Dataverse's EntityDefinitions), answered from the same schema the
 * stand-in enforces, in the shapes Microsoft documents ("Query table definitions using the
 * Web API"): a table by its LogicalName, its Attributes, and its text columns through a cast
 * to StringAttributeMetadata or MemoAttributeMetadata. The app and the readiness check read
 * these to learn what a council's environment holds.
 */
const DEFINITION = /^EntityDefinitions\(LogicalName='([^']*)'\)(?:\/Attributes(?:\/Microsoft\.Dynamics\.CRM\.(StringAttributeMetadata|MemoAttributeMetadata))?)?$/;

/** The attribute's type as Dataverse reports it (AttributeType), and its metadata's derived type. */
function attributeType(name: string, column: Column): { type: string; odataType: string } {
  switch (column.type) {
    case 'guid':
      return { type: 'Uniqueidentifier', odataType: 'UniqueIdentifierAttributeMetadata' };
    case 'text':
      return column.memo ? { type: 'Memo', odataType: 'MemoAttributeMetadata' } : { type: 'String', odataType: 'StringAttributeMetadata' };
    case 'date':
    case 'datetime':
      return { type: 'DateTime', odataType: 'DateTimeAttributeMetadata' };
    case 'bool':
      return { type: 'Boolean', odataType: 'BooleanAttributeMetadata' };
    case 'int':
      return { type: 'Integer', odataType: 'IntegerAttributeMetadata' };
    case 'money':
      return { type: 'Money', odataType: 'MoneyAttributeMetadata' };
    case 'choice':
      return name === 'statecode' ? { type: 'State', odataType: 'StateAttributeMetadata' } : { type: 'Picklist', odataType: 'PicklistAttributeMetadata' };
    case 'choices':
      return { type: 'Virtual', odataType: 'MultiSelectPicklistAttributeMetadata' };
    case 'lookup':
      return name === '_ownerid_value' ? { type: 'Owner', odataType: 'LookupAttributeMetadata' } : name === '_customerid_value' ? { type: 'Customer', odataType: 'LookupAttributeMetadata' } : { type: 'Lookup', odataType: 'LookupAttributeMetadata' };
  }
}

/** A stable MetadataId for a table or column, as Dataverse gives each one a GUID of its own. */
function metadataId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('/')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Only the properties $select names (all of them without one), and MetadataId always, as Dataverse answers. */
function selected(properties: Record<string, unknown>, params: URLSearchParams): Record<string, unknown> {
  const select = params.get('$select');
  if (!select) return properties;
  const names = select.split(',').map((name) => name.trim());
  for (const name of names) if (!(name in properties)) throw badQuery(`Could not find a property named '${name}' on type 'Microsoft.Dynamics.CRM.${properties['@odata.type'] === undefined ? 'EntityMetadata' : 'AttributeMetadata'}'.`);
  return Object.fromEntries(Object.entries(properties).filter(([name]) => names.includes(name) || name === 'MetadataId' || name === '@odata.type'));
}

function attributes(definition: TableDefinition): { name: string; column: Column; properties: Record<string, unknown> }[] {
  return Object.entries(definition.columns).map(([name, column]) => {
    // The Web API reads a lookup as _name_value; its attribute is plain name.
    const logicalName = /^_(.+)_value$/.exec(name)?.[1] ?? name;
    const { type, odataType } = attributeType(name, column);
    const properties: Record<string, unknown> = {
      '@odata.type': `#Microsoft.Dynamics.CRM.${odataType}`,
      LogicalName: logicalName,
      AttributeType: type,
      RequiredLevel: { Value: column.required ?? 'None', CanBeChanged: column.required !== 'SystemRequired', ManagedPropertyLogicalName: 'canmodifyrequirementlevelsettings' },
      MetadataId: metadataId(definition.logicalName, logicalName),
    };
    if (column.type === 'text') properties.MaxLength = column.maxLength;
    return { name, column, properties };
  });
}

/**
 * The answer to a GET of a table definition, or null when the path is not one. A table the
 * environment does not have is 404 with Dataverse's words for it.
 */
export function entityDefinitions(path: string, params: URLSearchParams, store: TrainingStore, baseUrl: string): Record<string, unknown> | null {
  const match = DEFINITION.exec(path);
  if (!match) return null;
  const [, logicalName = '', cast] = match;
  const table = store.tables().find((each) => each.definition.logicalName === logicalName);
  if (!table) throw new ODataError(404, '0x80040217', `Could not find entity with name '${logicalName}'.`);
  const { definition } = table;
  const select = params.get('$select');
  const columns = select ? `(${select})` : '';
  if (!path.includes('/Attributes')) {
    const properties = { LogicalName: definition.logicalName, EntitySetName: definition.entitySet, PrimaryIdAttribute: definition.key, PrimaryNameAttribute: definition.primaryName, MetadataId: metadataId(definition.logicalName) };
    return { '@odata.context': `${baseUrl}$metadata#EntityDefinitions${columns}/$entity`, ...selected(properties, params) };
  }
  const memo = cast === 'MemoAttributeMetadata';
  const chosen = attributes(definition).filter(({ column }) => cast === undefined || (column.type === 'text' && Boolean(column.memo) === memo));
  // A cast's answer leaves out @odata.type: every row is of the type cast to.
  const rows = chosen.map(({ properties }) => {
    const row = selected(properties, params);
    if (cast) delete row['@odata.type'];
    return row;
  });
  const context = `${baseUrl}$metadata#EntityDefinitions('${definition.logicalName}')/Attributes${cast ? `/Microsoft.Dynamics.CRM.${cast}` : ''}${columns}`;
  return { '@odata.context': context, value: rows };
}
