import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import { useTranslation } from 'react-i18next';
import { PLACES, type Place } from '../navigation/places';

/** The places, down the side on a wide screen and across the top when zoomed or narrow. */
export function PlacesNav({ places, current, onChoose }: { places: readonly Place[]; current: Place; onChoose: (place: Place) => void }) {
  const { t } = useTranslation();
  return (
    <Box component="nav" aria-label={t('places.navigationLabel')} sx={{ bgcolor: 'background.paper', borderRight: { md: 1 }, borderBottom: { xs: 1, md: 0 }, borderColor: 'divider', minWidth: { md: '13rem' } }}>
      <List sx={{ display: 'flex', flexDirection: { xs: 'row', md: 'column' }, flexWrap: 'wrap', p: 1, gap: 0.5 }}>
        {places.map((place) => (
          <li key={place}>
            <ListItemButton
              selected={place === current}
              aria-current={place === current ? 'page' : undefined}
              onClick={() => onChoose(place)}
              sx={{ borderRadius: 1, '&.Mui-selected': { fontWeight: 700, borderLeft: 4, borderColor: 'primary.main' } }}
            >
              <ListItemText
                primary={t(`places.${place}`)}
                secondary={
                  PLACES.indexOf(place) < 9 ? (
                    <>
                      <kbd>Alt</kbd>+<kbd>{PLACES.indexOf(place) + 1}</kbd>
                    </>
                  ) : undefined
                }
                slotProps={{ secondary: { 'aria-hidden': true } }}
              />
            </ListItemButton>
          </li>
        ))}
      </List>
    </Box>
  );
}
